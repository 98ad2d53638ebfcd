import { useEffect, useRef } from 'preact/hooks';

/**
 * Moves focus to the returned element whenever `key` changes, so a screen reader announces the
 * new screen's heading. Not on the first render, nor while `active()` is false: a widget must
 * not pull focus as a page loads.
 */
export function useFocusOnChange<T extends HTMLElement>(key: unknown, active = () => true) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (active()) ref.current?.focus();
  }, [key]);
  return ref;
}
