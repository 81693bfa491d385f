import { useCallback, useMemo, useRef, type RefObject } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import type { NodeKind, Playbook } from '@firebreak/engine';
import { catalog } from '@firebreak/engine';
import { copyNodes, parseClipboard, pasteNodes } from '../graph/clipboard';
import { layoutPlaybook, type NodeBox } from '../graph/layout';
import { addNode, moveNodes, removeElements, type XY } from '../graph/ops';
import type { PlaybookFlowEdge, PlaybookFlowNode } from '../canvas/toFlow';

/** The last copy, for browsers (or permissions) that keep the system clipboard from us. */
let localClipboard: string | null = null;

export interface CanvasCommands {
  add(kind: NodeKind, at?: XY): void;
  deleteSelection(): void;
  copy(): Promise<boolean>;
  cut(): Promise<void>;
  paste(): Promise<void>;
  duplicate(): void;
  selectAll(): void;
  fit(): void;
  layout(): Promise<void>;
}

/**
 * The canvas commands shared by the palette, the toolbar and the keyboard shortcuts. Each
 * graph change is one `edit` with a label; nodes a command creates end up selected.
 */
export function useCanvasCommands(
  draft: Playbook,
  edit: (next: Playbook, label: string) => void,
  pendingSelection: RefObject<string[] | null>,
): CanvasCommands {
  const rf = useReactFlow<PlaybookFlowNode, PlaybookFlowEdge>();
  const store = useStoreApi<PlaybookFlowNode, PlaybookFlowEdge>();
  const latest = useRef(draft);
  latest.current = draft;
  const pastes = useRef({ text: '', count: 0 });

  const selected = useCallback(
    () =>
      rf
        .getNodes()
        .filter((n) => n.selected && !n.data.ghost)
        .map((n) => n.id),
    [rf],
  );

  /** The flow rectangle in view. */
  const view = useCallback(() => {
    const { width, height } = store.getState();
    const { x, y, zoom } = rf.getViewport();
    return { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
  }, [rf, store]);

  /** A spot for a new card near the viewport's centre that does not cover another card. */
  const freeSpotAtCentre = useCallback((): XY => {
    const v = view();
    const centre = { x: Math.round(v.x + v.width / 2 - 100), y: Math.round(v.y + v.height / 2 - 30) };
    const boxes = rf
      .getNodes()
      .map((n) => ({ x: n.position.x, y: n.position.y, w: n.measured?.width ?? 200, h: n.measured?.height ?? 90 }));
    const free = (p: XY) => boxes.every((b) => p.x + 220 <= b.x || p.x >= b.x + b.w + 20 || p.y + 110 <= b.y || p.y >= b.y + b.h + 20);
    // Rings around the centre, nearest first; give up on a crowded view and stack at the centre.
    for (let ring = 0; ring <= 6; ring++)
      for (let dy = -ring; dy <= ring; dy++)
        for (let dx = -ring; dx <= ring; dx++) {
          if (Math.max(Math.abs(dx), Math.abs(dy)) !== ring) continue;
          const p = { x: centre.x + dx * 120, y: centre.y + dy * 60 };
          if (free(p)) return p;
        }
    return centre;
  }, [rf, view]);

  const commit = useCallback(
    (next: Playbook, label: string, select: string[]) => {
      pendingSelection.current = select;
      edit(next, label);
    },
    [edit, pendingSelection],
  );

  const add = useCallback(
    (kind: NodeKind, at?: XY) => {
      const { playbook, id } = addNode(latest.current, kind, at ?? freeSpotAtCentre());
      commit(playbook, `Add ${catalog[kind].label}`, [id]);
    },
    [commit, freeSpotAtCentre],
  );

  const deleteSelection = useCallback(() => {
    const ids = selected();
    const edges = rf
      .getEdges()
      .filter((e) => e.selected && e.deletable !== false)
      .map((e) => e.id);
    if (!ids.length && !edges.length) return;
    const label = ids.length
      ? ids.length === 1
        ? `Delete ${ids[0]}`
        : `Delete ${ids.length} nodes`
      : edges.length === 1
        ? 'Delete connection'
        : `Delete ${edges.length} connections`;
    edit(removeElements(latest.current, ids, edges), label);
  }, [edit, rf, selected]);

  const copy = useCallback(async () => {
    const payload = copyNodes(latest.current, selected());
    if (!payload) return false;
    const text = JSON.stringify(payload, null, 2);
    localClipboard = text;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission: pasting in this tab still works from the local copy.
    }
    return true;
  }, [selected]);

  const pasteText = useCallback(
    (text: string) => {
      const payload = parseClipboard(text);
      if (!payload) return;
      pastes.current = pastes.current.text === text ? { text, count: pastes.current.count + 1 } : { text, count: 1 };
      const v = view();
      const minX = Math.min(...payload.nodes.map((n) => n.position?.x ?? 0));
      const minY = Math.min(...payload.nodes.map((n) => n.position?.y ?? 0));
      const shift = 40 * pastes.current.count;
      // Beside the originals when they are in view (a copy in the same playbook), else mid-view.
      const inView =
        minX + shift >= v.x && minX + shift <= v.x + v.width - 100 && minY + shift >= v.y && minY + shift <= v.y + v.height - 60;
      const at = inView ? { x: minX + shift, y: minY + shift } : freeSpotAtCentre();
      const { playbook, ids } = pasteNodes(latest.current, payload, at);
      commit(playbook, ids.length === 1 ? `Paste ${ids[0]}` : `Paste ${ids.length} nodes`, ids);
    },
    [commit, freeSpotAtCentre, view],
  );

  const paste = useCallback(async () => {
    let text: string | null;
    try {
      text = await navigator.clipboard.readText();
    } catch {
      text = null; // no permission: fall back to this tab's last copy
    }
    pasteText(text && parseClipboard(text) ? text : (localClipboard ?? ''));
  }, [pasteText]);

  const cut = useCallback(async () => {
    if (await copy()) deleteSelection();
  }, [copy, deleteSelection]);

  const duplicate = useCallback(() => {
    const payload = copyNodes(latest.current, selected());
    if (payload) pasteText(JSON.stringify(payload));
  }, [pasteText, selected]);

  const selectAll = useCallback(() => {
    store.getState().addSelectedNodes(latest.current.nodes.map((n) => n.id));
  }, [store]);

  const fit = useCallback(() => void rf.fitView({ padding: 0.08, maxZoom: 1, duration: 300 }), [rf]);

  const layout = useCallback(async () => {
    const boxes = new Map<string, NodeBox>();
    for (const n of latest.current.nodes) {
      const internal = rf.getInternalNode(n.id);
      if (!internal) continue;
      const handles = internal.internals.handleBounds?.source ?? [];
      boxes.set(n.id, {
        width: internal.measured.width ?? 200,
        height: internal.measured.height ?? 90,
        outcomes: [...handles].sort((a, b) => a.y - b.y).map((h) => ({ name: h.id ?? '', y: h.y + h.height / 2 })),
      });
    }
    const positions = await layoutPlaybook(latest.current, boxes);
    edit(moveNodes(latest.current, positions), 'Auto-layout');
    // Fit once the cards have moved.
    requestAnimationFrame(() => requestAnimationFrame(() => void rf.fitView({ padding: 0.08, maxZoom: 1, duration: 300 })));
  }, [edit, rf]);

  return useMemo(
    () => ({ add, deleteSelection, copy, cut, paste, duplicate, selectAll, fit, layout }),
    [add, deleteSelection, copy, cut, paste, duplicate, selectAll, fit, layout],
  );
}
