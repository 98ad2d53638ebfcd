import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

/**
 * While `active` (answers given that nothing keeps: no advice yet, and persist off or not agreed
 * to), leaving the page (the phone's Back, a link, closing the tab, a reload) asks first, as
 * the browser asks for any unsaved form: the answers exist only in this page. Not once the
 * widget has been taken off the page, whose run then is the page's business.
 */
export function LeaveWarning({ active }: { active: boolean }) {
  const here = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!active) return;
    const warn = (event: BeforeUnloadEvent) => {
      if (!here.current?.isConnected) return;
      event.preventDefault();
      event.returnValue = true; // what Chrome and Edge before 119 needed to ask (MDN's legacy advice)
    };
    addEventListener('beforeunload', warn);
    return () => removeEventListener('beforeunload', warn);
  }, [active]);
  return <span hidden ref={here} />;
}
