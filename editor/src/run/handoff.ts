/**
 * Another panel asks the test run to open an interaction (the backtest's "open in test
 * run"). Panels do not hold each other, so the request waits here until the test-run panel
 * takes it.
 */
import { useSyncExternalStore } from 'react';
import type { Answers } from './answers';
import type { TestInteraction } from './interaction';

export interface RunRequest {
  interaction: TestInteraction;
  answers?: Answers;
  /** Tells two requests for the same interaction apart. */
  seq: number;
}

let pending: RunRequest | null = null;
let seq = 0;
const listeners = new Set<() => void>();

export function requestTestRun(interaction: TestInteraction, answers?: Answers): void {
  pending = { interaction, answers, seq: ++seq };
  listeners.forEach((l) => l());
}

/** Take the waiting request (the test-run panel calls this once it has applied it). */
export function takeRunRequest(s: number): void {
  if (pending?.seq === s) pending = null;
}

export function useRunRequest(): RunRequest | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => pending,
  );
}
