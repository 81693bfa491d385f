import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Typing edits a local value; it is committed (one undo step) after a pause or when the
 * field loses focus, not on every keystroke. A change from outside (undo, another panel)
 * replaces the local value.
 */
export function useDraftValue<T>(value: T, commit: (next: T) => void, delayMs = 600): [T, (next: T) => void, () => void] {
  const [local, setLocal] = useState(value);
  const committed = useRef(value);
  const latest = useRef({ local, commit });
  latest.current = { local, commit };

  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setLocal(value);
    }
  }, [value]);

  const flush = useCallback(() => {
    const { local: l, commit: c } = latest.current;
    if (l === committed.current) return;
    committed.current = l;
    c(l);
  }, []);

  useEffect(() => {
    if (local === committed.current) return;
    const t = setTimeout(flush, delayMs);
    return () => clearTimeout(t);
  }, [local, flush, delayMs]);

  // Leaving the field (another node selected, panel closed) keeps what was typed.
  useEffect(() => flush, [flush]);

  return [local, setLocal, flush];
}
