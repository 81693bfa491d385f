import { useCallback, useEffect, useRef, useState } from 'react';
import type { Playbook } from '@firebreak/engine';

export const AUTOSAVE_DEBOUNCE_MS = 800;
/** After a failed save, try again on our own this often (the manager may also retry at once). */
export const AUTOSAVE_RETRY_MS = 5000;

export type SaveStatus =
  { state: 'saved'; at: Date | null } | { state: 'pending' } | { state: 'saving' } | { state: 'failed'; error: string };

export interface Autosave {
  status: SaveStatus;
  /** Save now (a failed save's "retry"). */
  retry(): void;
  /** Save whatever is unsaved and wait; false when it could not be saved. */
  flush(): Promise<boolean>;
  /** The server's draft is now `pb` (after a reload): nothing to save for it. */
  markSaved(pb: Playbook): void;
  /** The draft as last saved (or loaded). */
  saved(): Playbook;
}

/**
 * Saves the draft ~800 ms after the last edit, one save at a time, always the newest draft.
 * A failed save keeps every edit (the draft stays in memory and is retried), and the page
 * warns before it is left with unsaved changes; leaving in-app saves on the way out.
 */
export function useAutosave(draft: Playbook, save: (pb: Playbook) => Promise<unknown>): Autosave {
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved', at: null });
  const latest = useRef(draft);
  latest.current = draft;
  const saved = useRef(draft);
  const inflight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  saveRef.current = save;

  const clearTimer = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  const saveOnce = useCallback(async (): Promise<boolean> => {
    while (inflight.current) await inflight.current;
    const pb = latest.current;
    if (pb === saved.current) {
      setStatus((s) => (s.state === 'saved' ? s : { state: 'saved', at: new Date() }));
      return true;
    }
    setStatus({ state: 'saving' });
    const attempt = saveRef.current(pb).then(
      () => {
        saved.current = pb;
        return true;
      },
      (e: unknown) => {
        setStatus({ state: 'failed', error: e instanceof Error ? e.message : String(e) });
        clearTimer();
        timer.current = setTimeout(() => void saveOnce(), AUTOSAVE_RETRY_MS);
        return false;
      },
    );
    inflight.current = attempt;
    const ok = await attempt;
    inflight.current = null;
    if (ok) setStatus(latest.current === saved.current ? { state: 'saved', at: new Date() } : { state: 'pending' });
    return ok;
  }, []);

  const flush = useCallback(async () => {
    clearTimer();
    for (let i = 0; i < 5; i++) {
      if (!(await saveOnce())) return false;
      if (latest.current === saved.current) return true;
    }
    return latest.current === saved.current;
  }, [saveOnce]);

  useEffect(() => {
    if (draft === saved.current) {
      if (!inflight.current) setStatus((s) => (s.state === 'saved' ? s : { state: 'saved', at: new Date() }));
      clearTimer();
      return;
    }
    setStatus((s) => (s.state === 'failed' || s.state === 'saving' ? s : { state: 'pending' }));
    clearTimer();
    timer.current = setTimeout(() => void saveOnce(), AUTOSAVE_DEBOUNCE_MS);
  }, [draft, saveOnce]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (latest.current === saved.current) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      clearTimer();
      // Leaving the page inside the app: save what is left on the way out.
      if (latest.current !== saved.current) void saveRef.current(latest.current).catch(() => {});
    };
  }, []);

  const retry = useCallback(() => {
    clearTimer();
    void saveOnce();
  }, [saveOnce]);
  const markSaved = useCallback((pb: Playbook) => {
    saved.current = pb;
  }, []);

  const getSaved = useCallback(() => saved.current, []);

  return { status, retry, flush, markSaved, saved: getSaved };
}
