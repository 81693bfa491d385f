import { useCallback, useEffect, useRef } from 'react';
import { useAsync } from '../ui/useAsync';
import { crisesApi, type Crisis } from './crisesApi';
import { useReloadOn } from './events';

/** Polled as well as pushed: if the event stream is down, a crisis still shows within a minute. */
const POLL_MS = 60_000;

/** The crises (all, or only active ones), reloaded on every crisis.* event. */
export function useCrises(status?: 'active') {
  const [state, reload] = useAsync((signal) => crisesApi.list(status, signal), [status]);
  useReloadOn(['crisis.'], reload);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(() => {
    const t = setInterval(() => reloadRef.current(), POLL_MS);
    return () => clearInterval(t);
  }, []);
  const last = useRef<Crisis[] | null>(null);
  if (state.status === 'ready') last.current = state.data;
  // Keep showing the last list while a reload runs, so the banner never flickers away.
  const crises = state.status === 'ready' ? state.data : last.current;
  return { state, crises, reload: useCallback(() => reload(), [reload]) };
}
