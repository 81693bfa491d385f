/// <reference types="jest" />
import { validate, type Playbook } from '@firebreak/engine';
import { copyNodes, parseClipboard, pasteNodes } from './clipboard';
import { initialHistory, record, redo, redoLabel, undo, undoLabel } from './history';
import { layoutPlaybook, type NodeBox } from './layout';
import { addNode, connect, freshId, moveNodes, removeElements, setEnds, starterPlaybook } from './ops';
import { summarize } from './summary';

const codes = (pb: Playbook) => validate(pb).map((p) => `${p.code}:${p.nodeId ?? p.edgeId ?? ''}`);

describe('graph edits', () => {
  test('a new playbook is a valid Start → End', () => {
    expect(validate(starterPlaybook('care', 'Care'))).toEqual([]);
  });

  test('new ids are <kind>-<n>, the smallest free n', () => {
    expect(freshId('priority', new Set(['priority-1', 'priority-3']))).toBe('priority-2');
    let pb = starterPlaybook('care', 'Care');
    const a = addNode(pb, 'priority', { x: 10.4, y: 20.6 });
    pb = a.playbook;
    const b = addNode(pb, 'priority', { x: 0, y: 0 });
    expect([a.id, b.id]).toEqual(['priority-1', 'priority-2']);
    expect(pb.nodes.find((n) => n.id === 'priority-1')).toMatchObject({
      kind: 'priority',
      position: { x: 10, y: 21 },
      config: {},
      ends: [],
    });
  });

  test('connecting an outcome replaces its edge and un-ends it; untouched nodes stay the same objects', () => {
    let pb = addNode(starterPlaybook('care', 'Care'), 'priority', { x: 0, y: 0 }).playbook;
    const start = pb.nodes[0];
    pb = connect(pb, 'start', 'next', 'priority-1');
    expect(pb.edges).toEqual([{ id: 'start-next', source: 'start', sourceHandle: 'next', target: 'priority-1' }]);
    expect(pb.nodes[0]).toBe(start);
    pb = setEnds(pb, 'priority-1', 'noise', true);
    pb = connect(pb, 'priority-1', 'first', 'end');
    expect(codes(pb)).toEqual(['unconnected_outcome:priority-1']);
    pb = connect(pb, 'priority-1', 'noise', 'end');
    expect(pb.nodes.find((n) => n.id === 'priority-1')!.ends).toEqual([]);
    expect(codes(pb)).toEqual(['unconnected_outcome:priority-1']);
    pb = setEnds(pb, 'priority-1', 'second', true);
    expect(codes(pb)).toEqual([]);
    // Marking a connected outcome as ending drops its edge.
    pb = setEnds(pb, 'priority-1', 'first', true);
    expect(pb.edges.some((e) => e.id === 'priority-1-first')).toBe(false);
  });

  test('removing a node removes the edges touching it', () => {
    let pb = addNode(starterPlaybook('care', 'Care'), 'tag', { x: 0, y: 0 }).playbook;
    pb = connect(connect(pb, 'start', 'next', 'tag-1'), 'tag-1', 'next', 'end');
    pb = removeElements(pb, ['tag-1']);
    expect(pb.nodes.map((n) => n.id)).toEqual(['start', 'end']);
    expect(pb.edges).toEqual([]);
    expect(removeElements(pb, [], [])).toBe(pb);
  });

  test('moving keeps unmoved nodes and is a no-op when nothing changes', () => {
    const pb = starterPlaybook('care', 'Care');
    expect(moveNodes(pb, new Map([['start', { x: 0, y: 0 }]]))).toBe(pb);
    const moved = moveNodes(pb, new Map([['end', { x: 400.2, y: 7 }]]));
    expect(moved.nodes[0]).toBe(pb.nodes[0]);
    expect(moved.nodes[1].position).toEqual({ x: 400, y: 7 });
  });
});

describe('copy and paste', () => {
  test('pasted nodes get fresh ids, keep the edges between them, drop the edges leaving the copy', () => {
    let pb = addNode(starterPlaybook('care', 'Care'), 'priority', { x: 100, y: 100 }).playbook;
    pb = addNode(pb, 'tag', { x: 300, y: 140 }).playbook;
    pb = connect(connect(connect(pb, 'start', 'next', 'priority-1'), 'priority-1', 'first', 'tag-1'), 'priority-1', 'second', 'end');
    const payload = copyNodes(pb, ['priority-1', 'tag-1'])!;
    const text = JSON.stringify(payload);
    const parsed = parseClipboard(text)!;
    expect(parsed.nodes.map((n) => n.id)).toEqual(['priority-1', 'tag-1']);
    expect(parsed.edges.map((e) => e.id)).toEqual(['priority-1-first']);

    const { playbook, ids } = pasteNodes(pb, parsed, { x: 500, y: 500 });
    expect(ids).toEqual(['priority-2', 'tag-2']);
    expect(playbook.nodes.slice(-2).map((n) => n.position)).toEqual([
      { x: 500, y: 500 },
      { x: 700, y: 540 },
    ]);
    expect(playbook.edges.slice(-1)).toEqual([{ id: 'priority-2-first', source: 'priority-2', sourceHandle: 'first', target: 'tag-2' }]);
    expect(playbook.nodes.slice(0, pb.nodes.length)).toEqual(pb.nodes);
  });

  test('anything that is not our payload is refused', () => {
    expect(parseClipboard('hello')).toBeNull();
    expect(parseClipboard('{"format":"firebreak/nodes@1","nodes":[],"edges":[]}')).toBeNull();
    expect(parseClipboard('{"format":"firebreak/nodes@1","nodes":[{"id":"a b","kind":"tag"}],"edges":[]}')).toBeNull();
    expect(parseClipboard('{"format":"firebreak/nodes@1","nodes":[{"id":"x","kind":"nope"}],"edges":[]}')).toBeNull();
    expect(parseClipboard('{"format":"firebreak/nodes@1","nodes":[{"id":"x","kind":"tag"}],"edges":[]}')?.nodes[0]).toMatchObject({
      id: 'x',
      config: {},
      ends: [],
    });
  });
});

describe('undo history', () => {
  const a = starterPlaybook('a', 'A');
  const b = { ...a, name: 'B' };
  const c = { ...a, name: 'C' };

  test('undo and redo walk the snapshots with their labels', () => {
    let h = record(initialHistory(a), b, 'Rename', 0);
    h = record(h, c, 'Add node', 5000);
    expect(undoLabel(h)).toBe('Add node');
    h = undo(h);
    expect(h.present).toBe(b);
    expect(redoLabel(h)).toBe('Add node');
    h = undo(h);
    expect(h.present).toBe(a);
    expect(undo(h)).toBe(h);
    h = redo(redo(h));
    expect(h.present).toBe(c);
    // A new edit after undo drops the redo branch.
    h = record(undo(h), a, 'Other', 9000);
    expect(h.future).toEqual([]);
  });

  test('quick repeats of the same edit merge into one step; others do not', () => {
    let h = record(initialHistory(a), b, 'Edit name', 0);
    h = record(h, c, 'Edit name', 400);
    expect(h.past).toHaveLength(1);
    expect(undo(h).present).toBe(a);
    h = record(h, b, 'Edit name', 2000);
    expect(h.past).toHaveLength(2);
    expect(record(h, h.present, 'Same', 3000)).toBe(h);
  });
});

describe('auto-layout', () => {
  test('left to right, outcomes fan out in handle order', async () => {
    let pb = starterPlaybook('care', 'Care');
    pb = addNode(pb, 'priority', { x: 0, y: 0 }).playbook;
    for (const kind of ['tag', 'route', 'wait'] as const) pb = addNode(pb, kind, { x: 0, y: 0 }).playbook;
    pb = connect(pb, 'start', 'next', 'priority-1');
    // Deliberately listed out of order: ELK must follow the ports, not the edge list.
    pb = connect(pb, 'priority-1', 'noise', 'tag-1');
    pb = connect(pb, 'priority-1', 'first', 'route-1');
    pb = connect(pb, 'priority-1', 'second', 'wait-1');
    const boxes = new Map<string, NodeBox>(
      pb.nodes.map((n) => [
        n.id,
        { width: 180, height: 90, outcomes: n.kind === 'priority' ? ['first', 'second', 'noise'].map((name) => ({ name })) : [] },
      ]),
    );
    const at = await layoutPlaybook(pb, boxes);
    expect(at.size).toBe(pb.nodes.length);
    expect(at.get('start')!.x).toBeLessThan(at.get('priority-1')!.x);
    expect(at.get('priority-1')!.x).toBeLessThan(at.get('route-1')!.x);
    const ys = ['route-1', 'wait-1', 'tag-1'].map((id) => at.get(id)!.y);
    expect([...ys].sort((x, y) => x - y)).toEqual(ys);
  });
});

describe('card summaries', () => {
  test('the key settings, with defaults applied', () => {
    const node = (kind: string, config: object) => ({ id: 'n', kind, config, ends: [], position: { x: 0, y: 0 } }) as never;
    expect(summarize(node('keywords', { query: 'refund AND broken' }))).toBe('refund AND broken');
    expect(summarize(node('approval', { role: 'pr' }))).toBe('PR within 30m · backup');
    expect(summarize(node('route', { team: 'care' }))).toBe('care · sticky · push');
    expect(summarize(node('start', {}))).toBe('all channels');
    expect(summarize(node('route', { team: '' }))).toBe('');
    expect(summarize(node('approval', { sla: '2h' }))).toBe('sla: 2h');
  });
});
