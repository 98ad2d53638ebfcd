import { useEffect, useRef } from 'preact/hooks';

/**
 * Moves focus to the returned element whenever `key` changes (not on first render unless
 * `initial`), so a screen reader announces the new screen's heading.
 */
export function useFocusOnChange<T extends HTMLElement>(key: unknown, initial = true) {
  const ref = useRef<T>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current && !initial) {
      first.current = false;
      return;
    }
    first.current = false;
    ref.current?.focus({ preventScroll: false });
  }, [key]);
  return ref;
}
