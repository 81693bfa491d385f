import { useRef } from 'react';
import type { AsyncState } from './useAsync';

/**
 * The last data an async state had, kept while it reloads: a live page refreshes in place
 * instead of flashing a spinner and losing what the user was typing. Undefined before the
 * first load; an error after data keeps the data (the page may show the error beside it).
 */
export function useLastReady<T>(state: AsyncState<T>): T | undefined {
  const last = useRef<T | undefined>(undefined);
  if (state.status === 'ready') last.current = state.data;
  return last.current;
}
