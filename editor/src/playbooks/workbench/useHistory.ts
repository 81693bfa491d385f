import { useCallback, useMemo, useReducer } from 'react';
import type { Playbook } from '@firebreak/engine';
import { initialHistory, record, redo, redoLabel, undo, undoLabel, type History } from '../graph/history';

type Action = { type: 'edit'; next: Playbook; label: string; at: number } | { type: 'undo' } | { type: 'redo' };

function reducer(h: History, a: Action): History {
  if (a.type === 'edit') return record(h, a.next, a.label, a.at);
  return a.type === 'undo' ? undo(h) : redo(h);
}

export interface DraftHistory {
  draft: Playbook;
  edit(next: Playbook, label: string): void;
  undo(): void;
  redo(): void;
  /** What undo / redo would do ("Add Approval"), or null when there is nothing. */
  undoLabel: string | null;
  redoLabel: string | null;
}

/** The draft being edited and its undo/redo stack; `edit`, `undo`, `redo` are stable. */
export function useHistory(initial: Playbook): DraftHistory {
  const [h, dispatch] = useReducer(reducer, initial, initialHistory);
  const edit = useCallback((next: Playbook, label: string) => dispatch({ type: 'edit', next, label, at: Date.now() }), []);
  const doUndo = useCallback(() => dispatch({ type: 'undo' }), []);
  const doRedo = useCallback(() => dispatch({ type: 'redo' }), []);
  return useMemo(
    () => ({ draft: h.present, edit, undo: doUndo, redo: doRedo, undoLabel: undoLabel(h), redoLabel: redoLabel(h) }),
    [h, edit, doUndo, doRedo],
  );
}
