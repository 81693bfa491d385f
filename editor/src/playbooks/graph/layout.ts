/**
 * Auto-layout with ELK's layered algorithm: left to right in the direction the run flows,
 * each node's outcome ports kept in the order its card shows them (top to bottom), so
 * branches fan out without crossing their own handles. ELK is loaded on first use.
 */
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { Playbook } from '@firebreak/engine';
import type { XY } from './ops';

export interface NodeBox {
  width: number;
  height: number;
  /** Outcome handles in card order, with their vertical offset in the card when measured. */
  outcomes: Array<{ name: string; y?: number }>;
}

const DEFAULT_BOX = { width: 200, height: 90 };

export const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '36',
  'elk.layered.spacing.nodeNodeBetweenLayers': '90',
  'elk.spacing.componentComponent': '60',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  // Keep the manager's order where the graph allows it, so a re-layout does not shuffle.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

/** The ELK graph of a playbook: one west input port, one east port per outcome in order. */
export function toElkGraph(pb: Playbook, boxes: Map<string, NodeBox>): ElkNode {
  const ids = new Set(pb.nodes.map((n) => n.id));
  const children: ElkNode[] = pb.nodes.map((n) => {
    const box = boxes.get(n.id);
    const width = box?.width ?? DEFAULT_BOX.width;
    const height = box?.height ?? DEFAULT_BOX.height;
    const outcomes = box?.outcomes ?? [];
    return {
      id: n.id,
      width,
      height,
      layoutOptions: { 'elk.portConstraints': 'FIXED_ORDER' },
      ports: [
        {
          id: `${n.id}::in`,
          width: 1,
          height: 1,
          x: 0,
          y: height / 2,
          layoutOptions: { 'elk.port.side': 'WEST', 'elk.port.index': String(outcomes.length) },
        },
        ...outcomes.map((o, i) => ({
          id: `${n.id}::out::${o.name}`,
          width: 1,
          height: 1,
          x: width,
          y: o.y ?? ((i + 1) * height) / (outcomes.length + 1),
          layoutOptions: { 'elk.port.side': 'EAST', 'elk.port.index': String(i) },
        })),
      ],
    };
  });
  const ports = new Set(children.flatMap((c) => (c.ports ?? []).map((p) => p.id)));
  const edges: ElkExtendedEdge[] = pb.edges
    .filter((e) => ids.has(e.source) && ids.has(e.target))
    .map((e) => {
      const port = `${e.source}::out::${e.sourceHandle}`;
      return { id: e.id, sources: [ports.has(port) ? port : e.source], targets: [`${e.target}::in`] };
    });
  return { id: 'root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}

/** New positions for every node, laid out left to right. */
export async function layoutPlaybook(pb: Playbook, boxes: Map<string, NodeBox>): Promise<Map<string, XY>> {
  const { default: ELK } = await import('elkjs/lib/elk.bundled.js');
  const laid = await new ELK().layout(toElkGraph(pb, boxes));
  return new Map((laid.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}
