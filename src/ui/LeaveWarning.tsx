import { h } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { hasKeptRun } from './storageKey';

/** How long after a click on a link to another app (tel:, mailto:…) the page's beforeunload is that link's. */
const APP_LINK_MS = 2000;
/** Links that open another app and leave the page where it is (not javascript:, which may navigate). */
const APP_LINK = /^(tel|sms|mailto|callto|facetime|facetime-audio|geo):$/;

/**
 * While `active` (answers given, no advice yet, the run not stopped) and the answers are not kept
 * under `keptAt` (persist="session" with the patient's yes), leaving the page (a link, closing
 * the tab, a reload, the Back button where the browser asks) asks first, as the browser asks for
 * any unsaved form: the answers exist only in this page. Not once the widget has been taken off
 * the page, whose run then is the page's business; and not for a link that opens another app
 * and leaves the page where it is: Chromium asks before a tel: link too, and nothing may stand
 * between a patient and a call.
 */
export function LeaveWarning({ active, keptAt }: { active: boolean; keptAt?: string }) {
  const here = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!active) return;
    let appLinkAt = -Infinity;
    // Captured on the window: links in the widget's shadow root and on the page alike (not in
    // closed shadow roots or frames, which the click's path does not show). Any other click
    // ends the window: a patient who dismissed the app's prompt and goes on is asked again.
    const noteAppLink = (event: MouseEvent) => {
      const link = event.composedPath().find((target) => (target instanceof HTMLAnchorElement || target instanceof HTMLAreaElement) && target.href !== '') as HTMLAnchorElement | undefined;
      appLinkAt = link && APP_LINK.test(link.protocol) ? performance.now() : -Infinity;
    };
    const warn = (event: BeforeUnloadEvent) => {
      if (!here.current?.isConnected || performance.now() - appLinkAt < APP_LINK_MS) return;
      // Kept only if the tab's storage really holds the run: blocked storage (a sandboxed frame,
      // some private modes) keeps nothing, whatever the patient agreed to.
      if (keptAt && hasKeptRun(keptAt)) return;
      event.preventDefault();
      event.returnValue = true; // what Chrome and Edge before 119 needed to ask (MDN's legacy advice)
    };
    addEventListener('click', noteAppLink, true);
    addEventListener('beforeunload', warn);
    return () => {
      removeEventListener('click', noteAppLink, true);
      removeEventListener('beforeunload', warn);
    };
  }, [active, keptAt]);
  return <span hidden ref={here} />;
}
