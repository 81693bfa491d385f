/**
 * Undo/redo as a stack of whole-draft snapshots, each step named by the change that made it
 * ("Add Approval", "Connect priority-1 → end"). Snapshots share every untouched node, so a
 * long history of a big playbook costs little. Quick repeats of the same change (typing in a
 * field, nudging with the arrow keys) merge into one step.
 */
import type { Playbook } from '@firebreak/engine';

export interface Step {
  /** The draft on the other side of this step. */
  playbook: Playbook;
  /** What the step does, as a manager would say it. */
  label: string;
}

export interface History {
  past: Step[];
  present: Playbook;
  future: Step[];
  /** When the last edit was made and what it was called, for merging quick repeats. */
  last: { label: string; at: number } | null;
}

export const HISTORY_LIMIT = 200;
/** Edits with the same label within this many milliseconds become one undo step. */
export const MERGE_WINDOW_MS = 1000;

export const initialHistory = (present: Playbook): History => ({ past: [], present, future: [], last: null });

export function record(h: History, next: Playbook, label: string, now: number): History {
  if (next === h.present) return h;
  const merge =
    h.last !== null && h.last.label === label && now - h.last.at < MERGE_WINDOW_MS && h.future.length === 0 && h.past.length > 0;
  const past = merge ? h.past : [...h.past, { playbook: h.present, label }].slice(-HISTORY_LIMIT);
  return { past, present: next, future: [], last: { label, at: now } };
}

export function undo(h: History): History {
  const step = h.past[h.past.length - 1];
  if (!step) return h;
  return {
    past: h.past.slice(0, -1),
    present: step.playbook,
    future: [...h.future, { playbook: h.present, label: step.label }],
    last: null,
  };
}

export function redo(h: History): History {
  const step = h.future[h.future.length - 1];
  if (!step) return h;
  return {
    past: [...h.past, { playbook: h.present, label: step.label }],
    present: step.playbook,
    future: h.future.slice(0, -1),
    last: null,
  };
}

export const undoLabel = (h: History) => h.past[h.past.length - 1]?.label ?? null;
export const redoLabel = (h: History) => h.future[h.future.length - 1]?.label ?? null;
