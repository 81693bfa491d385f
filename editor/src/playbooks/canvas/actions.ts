import { createContext } from 'react';

/**
 * What a node card may ask of the canvas, passed by context so that card data stays plain
 * (and memoised cards do not re-render when a callback is recreated).
 */
export interface CanvasActions {
  readOnly: boolean;
  /** Open the dialog for one outcome: connect it to a node, or mark that it ends the run. */
  openOutcome(nodeId: string, outcome: string): void;
}

export const CanvasActionsContext = createContext<CanvasActions>({ readOnly: true, openOutcome: () => {} });
