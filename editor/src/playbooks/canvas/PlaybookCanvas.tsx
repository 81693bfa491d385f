import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type DragEvent, type RefObject } from 'react';
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  useStore,
  type Connection,
  type EdgeChange,
  type IsValidConnection,
  type NodeChange,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import { catalog, type NodeKind, type Playbook, type Problem } from '@firebreak/engine';
import type { CanvasOverlay } from '../workbench';
import { connect, moveNodes, removeElements, type XY } from '../graph/ops';
import { CanvasActionsContext, type CanvasActions } from './actions';
import { nodeTypes } from './NodeCard';
import { OutcomeDialog, type OutcomeTarget } from './OutcomeDialog';
import { buildEdges, buildNodes, type EdgeCache, type NodeDataCache, type PlaybookFlowEdge, type PlaybookFlowNode } from './toFlow';

export const PALETTE_MIME = 'application/x-firebreak-kind';

export interface PlaybookCanvasProps {
  playbook: Playbook;
  problems: Problem[];
  overlay: CanvasOverlay | null;
  edit(next: Playbook, label: string): void;
  /** Add a node of a kind where it was dropped (flow coordinates). */
  onDropKind(kind: NodeKind, at: XY): void;
  /** The selected node ids whenever the selection changes. */
  onSelectionChange(ids: string[]): void;
  /** Select this node and bring it into view; `seq` repeats a request for the same node. */
  focus: { id: string; seq: number } | null;
  /** Nodes to select once they appear (after a paste or an add). */
  pendingSelection: RefObject<string[] | null>;
  readOnly?: boolean;
}

/** Above this many nodes only what is in view is rendered (see bench/editor.ts). */
export const RENDER_VISIBLE_ONLY_ABOVE = 120;
/** Below this zoom cards are drawn without text (unreadable there anyway): smooth overview panning. */
export const FAR_ZOOM = 0.35;

const groupColor = { entry: '#2a9d8f', decision: '#e9c46a', action: '#6d8fb5' };
const minimapColor = (n: PlaybookFlowNode) =>
  n.data.problems.some((p) => p.severity === 'error') ? '#d1495b' : n.data.ghost ? '#e4b4b4' : groupColor[n.data.spec.group];
const keepMeasured = (n: PlaybookFlowNode, prev: PlaybookFlowNode | undefined, selected: boolean): PlaybookFlowNode =>
  prev
    ? { ...n, selected, measured: prev.measured, dragging: prev.dragging, position: prev.dragging ? prev.position : n.position }
    : { ...n, selected };

/**
 * The editable canvas. The draft is the truth: React Flow's nodes are derived from it and
 * only keep what React Flow owns (measured sizes, a drag in progress, the selection); every
 * change to the graph goes through `edit` as one named, undoable step.
 */
export function PlaybookCanvas(props: PlaybookCanvasProps) {
  const { playbook, problems, overlay, edit, onDropKind, onSelectionChange, focus, pendingSelection, readOnly = false } = props;
  const { screenToFlowPosition, setCenter, getInternalNode } = useReactFlow<PlaybookFlowNode, PlaybookFlowEdge>();
  const dataCache = useRef<NodeDataCache>(new Map());
  const edgeCache = useRef<EdgeCache>(new Map());
  const built = useMemo(() => buildNodes(playbook, problems, overlay, dataCache.current), [playbook, problems, overlay]);
  const [nodes, setNodes] = useState<PlaybookFlowNode[]>(built);
  const [selectedEdges, setSelectedEdges] = useState<Set<string>>(new Set());
  const edges = useMemo(
    () => buildEdges(playbook, problems, overlay, selectedEdges, edgeCache.current),
    [playbook, problems, overlay, selectedEdges],
  );
  const [outcome, setOutcome] = useState<OutcomeTarget | null>(null);
  const far = useStore((s) => s.transform[2] < FAR_ZOOM);
  const latest = useRef(playbook);
  latest.current = playbook;

  // Merge the derived nodes into React Flow's: unchanged nodes keep their object (and so
  // their measurement and selection); nodes waiting to be selected (a paste) get selected.
  useLayoutEffect(() => {
    const select = pendingSelection.current;
    if (select && select.length) pendingSelection.current = null;
    setNodes((prev) => {
      const byId = new Map(prev.map((n) => [n.id, n]));
      return built.map((n) => {
        const p = byId.get(n.id);
        const selected = select?.length ? select.includes(n.id) : !!p?.selected;
        if (
          p &&
          p.data === n.data &&
          !!p.selected === selected &&
          (p.dragging || (p.position.x === n.position.x && p.position.y === n.position.y))
        )
          return p;
        return keepMeasured(n, p, selected);
      });
    });
  }, [built, pendingSelection]);

  useEffect(() => {
    if (!focus) return;
    setNodes((ns) => ns.map((n) => (!!n.selected === (n.id === focus.id) ? n : { ...n, selected: n.id === focus.id })));
    const n = getInternalNode(focus.id);
    if (!n) return;
    const w = n.measured?.width ?? 200;
    const h = n.measured?.height ?? 80;
    void setCenter(n.internals.positionAbsolute.x + w / 2, n.internals.positionAbsolute.y + h / 2, { zoom: 1.1, duration: 400 });
  }, [focus, getInternalNode, setCenter]);

  const onNodesChange = useCallback(
    (changes: NodeChange<PlaybookFlowNode>[]) => {
      // Removal is an edit of the draft (the Delete shortcut, or onDelete); the rest is React Flow's own state.
      const own = changes.filter((c) => c.type !== 'remove');
      if (own.length) setNodes((ns) => applyNodeChanges(own, ns));
      // A finished drag or an arrow-key move: the new positions become part of the draft.
      const moved = new Map<string, XY>();
      for (const c of changes) if (c.type === 'position' && c.dragging === false && c.position) moved.set(c.id, c.position);
      if (moved.size) edit(moveNodes(latest.current, moved), moved.size === 1 ? 'Move node' : `Move ${moved.size} nodes`);
    },
    [edit],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<PlaybookFlowEdge>[]) => {
    const picks = changes.filter((c) => c.type === 'select');
    if (!picks.length) return;
    setSelectedEdges((prev) => {
      const next = new Set(prev);
      for (const c of picks) {
        if (c.type !== 'select') continue;
        if (c.selected) next.add(c.id);
        else next.delete(c.id);
      }
      return next;
    });
  }, []);

  const onDelete = useCallback(
    ({ nodes: ns, edges: es }: { nodes: PlaybookFlowNode[]; edges: PlaybookFlowEdge[] }) => {
      const label = ns.length
        ? ns.length === 1
          ? `Delete ${ns[0].id}`
          : `Delete ${ns.length} nodes`
        : es.length === 1
          ? 'Delete connection'
          : `Delete ${es.length} connections`;
      edit(
        removeElements(
          latest.current,
          ns.map((n) => n.id),
          es.map((e) => e.id),
        ),
        label,
      );
    },
    [edit],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.sourceHandle) return;
      edit(connect(latest.current, c.source, c.sourceHandle, c.target), `Connect ${c.source} ${c.sourceHandle} → ${c.target}`);
    },
    [edit],
  );

  const onReconnect = useCallback(
    (old: PlaybookFlowEdge, c: Connection) => {
      if (!c.sourceHandle || c.source !== old.source || c.sourceHandle !== old.sourceHandle) return;
      edit(connect(latest.current, c.source, c.sourceHandle, c.target), `Connect ${c.source} ${c.sourceHandle} → ${c.target}`);
    },
    [edit],
  );

  const isValidConnection: IsValidConnection<PlaybookFlowEdge> = useCallback((c) => {
    const target = latest.current.nodes.find((n) => n.id === c.target);
    return !!target && target.kind !== 'start' && !!c.sourceHandle;
  }, []);

  const onSelection = useCallback(
    ({ nodes: ns }: OnSelectionChangeParams<PlaybookFlowNode, PlaybookFlowEdge>) => onSelectionChange(ns.map((n) => n.id)),
    [onSelectionChange],
  );

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(PALETTE_MIME)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const kind = e.dataTransfer.getData(PALETTE_MIME) as NodeKind;
      if (!kind || !(kind in catalog)) return;
      e.preventDefault();
      const at = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      // The pointer holds the card by its middle, as it was dragged.
      onDropKind(kind, { x: at.x - 100, y: at.y - 30 });
    },
    [screenToFlowPosition, onDropKind],
  );

  const actions: CanvasActions = useMemo(() => ({ readOnly, openOutcome: (nodeId, o) => setOutcome({ nodeId, outcome: o }) }), [readOnly]);

  return (
    <CanvasActionsContext.Provider value={actions}>
      <div className={far ? 'canvas is-far' : 'canvas'} data-testid="canvas" onDragOver={onDragOver} onDrop={onDrop}>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onDelete={onDelete}
          onConnect={onConnect}
          onReconnect={onReconnect}
          isValidConnection={isValidConnection}
          onSelectionChange={onSelection}
          nodeTypes={nodeTypes}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          edgesReconnectable={!readOnly}
          // Delete/Backspace are the workbench's shortcuts (one named undo step, selected edges too).
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={['Shift', 'Meta', 'Control']}
          onlyRenderVisibleElements={nodes.length > RENDER_VISIBLE_ONLY_ABOVE}
          connectionRadius={28}
          fitView
          fitViewOptions={{ padding: 0.08, maxZoom: 1 }}
          minZoom={0.05}
          maxZoom={2}
        >
          <Background gap={24} size={1} color="#d9dee5" />
          <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={2} ariaLabel="Minimap of the playbook" />
          <Controls showInteractive={false} />
        </ReactFlow>
      </div>
      <OutcomeDialog playbook={playbook} target={outcome} onClose={() => setOutcome(null)} edit={edit} />
    </CanvasActionsContext.Provider>
  );
}
