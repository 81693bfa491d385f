import type { NodeKind } from './catalog';
import type { Playbook, PlaybookEdge, PlaybookNode } from './schema';

/**
 * What changed between two versions of a playbook, matched by the stable node and edge ids
 * (the editor chooses them once and never recomputes them). The api's diff endpoint and the
 * editor's visual diff both use this one function.
 */

/** One field that differs; `before`/`after` is undefined where the field is absent on that side. */
export interface FieldChange {
  /** Dotted path: "label", "kind", "position", "config.threshold", "config.ladder.1.sla", "settings.cues.first". */
  path: string;
  before: unknown;
  after: unknown;
}

export interface PlaybookDiff {
  nodes: { added: PlaybookNode[]; removed: PlaybookNode[]; changed: Array<{ id: string; kind: NodeKind; changes: FieldChange[] }> };
  edges: { added: PlaybookEdge[]; removed: PlaybookEdge[]; changed: Array<{ id: string; changes: FieldChange[] }> };
  /** The playbook's own fields: key, name, description and settings.* */
  playbook: FieldChange[];
  summary: {
    nodesAdded: number;
    nodesRemoved: number;
    nodesChanged: number;
    edgesAdded: number;
    edgesRemoved: number;
    edgesChanged: number;
  };
}

export interface DiffOptions {
  /** Drop position-only moves (a layout change is not a behaviour change). */
  ignorePositions?: boolean;
}

type Json = unknown;

const isObject = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPrimitiveArray = (v: Json): v is Json[] => Array.isArray(v) && v.every((x) => !isObject(x) && !Array.isArray(x));

function equal(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => equal(a[k], b[k]));
  }
  return false;
}

/**
 * The leaf-level changes between two JSON values under `path`. Objects are walked key by key;
 * arrays of objects index by index (a ladder's rung, a crisis topic); arrays of plain values
 * (tags, channels, cue lists) are one leaf, because "tags: [a, b] → [b]" reads better than a
 * shifted index per element.
 */
function leafChanges(path: string, before: Json, after: Json, out: FieldChange[] = []): FieldChange[] {
  if (equal(before, after)) return out;
  const at = (k: string | number) => (path ? `${path}.${k}` : String(k));
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    keys.forEach((k) => leafChanges(at(k), before[k], after[k], out));
  } else if (Array.isArray(before) && Array.isArray(after) && !(isPrimitiveArray(before) && isPrimitiveArray(after))) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) leafChanges(at(i), before[i], after[i], out);
  } else {
    out.push({ path, before, after });
  }
  return out;
}

function nodeChanges(before: PlaybookNode, after: PlaybookNode, options: DiffOptions): FieldChange[] {
  const changes: FieldChange[] = [];
  if (before.kind !== after.kind) changes.push({ path: 'kind', before: before.kind, after: after.kind });
  leafChanges('label', before.label, after.label, changes);
  leafChanges('config', before.config ?? {}, after.config ?? {}, changes);
  if (!equal(before.ends ?? [], after.ends ?? [])) changes.push({ path: 'ends', before: before.ends, after: after.ends });
  // A move is one change, not x and y apart: the canvas shows it as "moved".
  if (!options.ignorePositions && !equal(before.position, after.position))
    changes.push({ path: 'position', before: before.position, after: after.position });
  return changes;
}

function edgeChanges(before: PlaybookEdge, after: PlaybookEdge): FieldChange[] {
  return (['source', 'sourceHandle', 'target'] as const)
    .filter((f) => before[f] !== after[f])
    .map((f) => ({ path: f, before: before[f], after: after[f] }));
}

/** Added, removed and changed items of two lists, matched by id (the first of a duplicated id counts). */
function byId<T extends { id: string }, C>(before: T[], after: T[], compare: (b: T, a: T) => C[]) {
  const old = new Map<string, T>();
  before.forEach((x) => old.has(x.id) || old.set(x.id, x));
  const now = new Map<string, T>();
  after.forEach((x) => now.has(x.id) || now.set(x.id, x));
  const added = [...now.values()].filter((x) => !old.has(x.id));
  const removed = [...old.values()].filter((x) => !now.has(x.id));
  const changed: Array<{ item: T; changes: C[] }> = [];
  for (const item of now.values()) {
    const was = old.get(item.id);
    const changes = was ? compare(was, item) : [];
    if (changes.length) changed.push({ item, changes });
  }
  return { added, removed, changed };
}

export function diffPlaybooks(before: Playbook, after: Playbook, options: DiffOptions = {}): PlaybookDiff {
  const nodes = byId(before.nodes, after.nodes, (b, a) => nodeChanges(b, a, options));
  const edges = byId(before.edges, after.edges, edgeChanges);
  const playbook: FieldChange[] = [];
  leafChanges('key', before.key, after.key, playbook);
  leafChanges('name', before.name, after.name, playbook);
  leafChanges('description', before.description, after.description, playbook);
  leafChanges('settings', before.settings ?? {}, after.settings ?? {}, playbook);
  return {
    nodes: {
      added: nodes.added,
      removed: nodes.removed,
      changed: nodes.changed.map(({ item, changes }) => ({ id: item.id, kind: item.kind, changes })),
    },
    edges: {
      added: edges.added,
      removed: edges.removed,
      changed: edges.changed.map(({ item, changes }) => ({ id: item.id, changes })),
    },
    playbook,
    summary: {
      nodesAdded: nodes.added.length,
      nodesRemoved: nodes.removed.length,
      nodesChanged: nodes.changed.length,
      edgesAdded: edges.added.length,
      edgesRemoved: edges.removed.length,
      edgesChanged: edges.changed.length,
    },
  };
}

/** True when two playbooks differ in nothing the diff reports. */
export const isEmptyDiff = (d: PlaybookDiff): boolean => Object.values(d.summary).every((n) => n === 0) && d.playbook.length === 0;
