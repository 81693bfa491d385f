/**
 * The seam between the playbook workbench (canvas, palette, undo/redo: `playbooks/`) and the
 * panels beside it (properties, test run, backtest, versions, live overlay). A panel gets the
 * draft and may edit it, select nodes and colour the canvas; it never reaches into the canvas.
 * Panels are listed once in `panels.ts`, and the workbench renders them as tabs.
 *
 * How the workbench keeps its side of the seam (workbench/Workbench.tsx):
 * - Only the open tab is mounted. A panel that sets an overlay clears it in an effect cleanup,
 *   so switching tabs never leaves a stale colouring behind.
 * - `edit` is one undo step named by its label; edits with the same label within a second
 *   merge (typing in a field is one step). Keep untouched nodes as the same objects
 *   (`{...pb, nodes: pb.nodes.map((n) => (n.id === id ? {...n, config} : n))}`): cards are
 *   memoised by node identity. Viewers get a read-only workbench where `edit` does nothing.
 * - `problems` follow the draft ~150 ms after an edit; the draft is autosaved ~800 ms after.
 * - `selectNode(id)` selects and centres the node; `selectedNodeId` is null when none or
 *   several nodes are selected.
 * - Overlay nodes are keyed by node id; `ghosts`/`ghostEdges` are drawn dashed and cannot be
 *   selected or edited; `edges` tones style existing (or ghost) edges by edge id.
 */
import type { ReactNode } from 'react';
import type { Playbook, Problem } from '@firebreak/engine';
import type { PlaybookDetail } from '../api/client';

/** How a node is drawn on top of its normal card: a test-run path, a diff, live counts. */
export type OverlayTone = 'path' | 'current' | 'added' | 'removed' | 'changed' | 'muted' | 'breach';

export interface NodeOverlay {
  tone?: OverlayTone;
  /** A short badge on the card, e.g. "3rd", "142", "2 breaches". */
  badge?: string;
  /** A tooltip / accessible description: why the node looks like this. */
  title?: string;
}

export interface CanvasOverlay {
  nodes: Record<string, NodeOverlay>;
  /** Edges to emphasise (taken on a path) or mark as removed/added in a diff, by edge id. */
  edges?: Record<string, OverlayTone>;
  /** Nodes that exist only in the overlay (a diff's removed nodes), drawn ghosted; not editable. */
  ghosts?: Playbook['nodes'];
  /** Edges that exist only in the overlay (a diff's removed edges), drawn dashed between any drawn nodes. */
  ghostEdges?: Playbook['edges'];
}

export interface WorkbenchContext {
  /** The playbook as loaded from the api (key, live version, saved draft). */
  detail: PlaybookDetail;
  /** The draft being edited (may be ahead of `detail.draft` until autosave catches up). */
  playbook: Playbook;
  /** The validator's problems for `playbook`, recomputed in the browser on every edit. */
  problems: Problem[];
  /** Template sources by name, for validation, previews and test runs. */
  templates: Record<string, string>;
  /** Replace the draft; `label` names the change in undo/redo ("Edit config of pii"). */
  edit(next: Playbook, label: string): void;
  selectedNodeId: string | null;
  selectNode(id: string | null): void;
  /** Colour the canvas (null clears); the panel that set it clears it when it closes. */
  setOverlay(overlay: CanvasOverlay | null): void;
  /** Reload the playbook from the api (after publish, rollback…). */
  reload(): void;
}

export interface WorkbenchPanel {
  id: string;
  title: string;
  render(ctx: WorkbenchContext): ReactNode;
}
