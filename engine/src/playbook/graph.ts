import { Playbook } from './schema';

/**
 * The loops of a graph: strongly connected components (Tarjan) with more than one node,
 * or a node with an edge to itself. Each is returned as its node ids. Dangling edges are
 * left out: a loop through a node that does not exist is not a loop of this graph (and
 * callers look the returned ids up).
 */
export function findCycles(pb: Pick<Playbook, 'nodes' | 'edges'>): string[][] {
  const known = new Set(pb.nodes.map((n) => n.id));
  const next = new Map<string, string[]>();
  for (const e of pb.edges) if (known.has(e.source) && known.has(e.target)) next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];

  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (next.get(v) ?? []).includes(v)) out.push(scc.reverse());
    }
  };
  for (const n of pb.nodes) if (!index.has(n.id)) visit(n.id);
  return out;
}

/** The edge leaving `nodeId` by `outcome`, if any. */
export function edgeFor(pb: Pick<Playbook, 'edges'>, nodeId: string, outcome: string) {
  return pb.edges.find((e) => e.source === nodeId && e.sourceHandle === outcome);
}
