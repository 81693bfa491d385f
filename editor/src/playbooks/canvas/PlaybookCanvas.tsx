import { useEffect, useMemo } from 'react';
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useNodesState, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './canvas.css';
import type { Playbook, Problem } from '@firebreak/engine';
import { nodeTypes } from './NodeCard';
import { toFlow, type PlaybookFlowNode } from './toFlow';

export interface PlaybookCanvasProps {
  playbook: Playbook;
  problems?: Problem[];
  /** A node to select and bring into view (e.g. from the problems list). */
  focusNodeId?: string | null;
}

/** A read-only canvas of a playbook graph. Editing arrives with the full editor. */
export function PlaybookCanvas(props: PlaybookCanvasProps) {
  return (
    <ReactFlowProvider>
      <CanvasInner {...props} />
    </ReactFlowProvider>
  );
}

const groupColor = { entry: '#2a9d8f', decision: '#e9c46a', action: '#6d8fb5' };
const minimapColor = (n: PlaybookFlowNode) =>
  n.data.problems.some((p) => p.severity === 'error') ? '#d1495b' : groupColor[n.data.spec.group];

function CanvasInner({ playbook, problems = [], focusNodeId }: PlaybookCanvasProps) {
  const flow = useMemo(() => toFlow(playbook, problems), [playbook, problems]);
  // Nodes live in React Flow's state (not only props) so that the sizes it measures are
  // kept on them: the minimap and fit view need those; the full editor will edit this state.
  const [nodes, setNodes, onNodesChange] = useNodesState<PlaybookFlowNode>(flow.nodes);
  const { setCenter, getNode } = useReactFlow<PlaybookFlowNode>();

  useEffect(() => setNodes(flow.nodes), [flow, setNodes]);

  useEffect(() => {
    setNodes((ns) => ns.map((n) => (!!n.selected === (n.id === focusNodeId) ? n : { ...n, selected: n.id === focusNodeId })));
    const n = focusNodeId ? getNode(focusNodeId) : undefined;
    if (!n) return;
    const w = n.measured?.width ?? 200;
    const h = n.measured?.height ?? 80;
    void setCenter(n.position.x + w / 2, n.position.y + h / 2, {
      zoom: 1.2,
      duration: 400,
    });
  }, [focusNodeId, getNode, setCenter, setNodes]);

  return (
    <div className="canvas" data-testid="canvas">
      <ReactFlow
        nodes={nodes}
        edges={flow.edges}
        onNodesChange={onNodesChange}
        nodeTypes={nodeTypes}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        fitView
        fitViewOptions={{ padding: 0.08 }}
        minZoom={0.1}
      >
        <Background gap={24} size={1} color="#d9dee5" />
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={2} ariaLabel="Minimap of the playbook" />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
