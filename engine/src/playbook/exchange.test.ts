import { raw } from '../__fixtures__/graphs';
import { fromDocument, PLAYBOOK_FORMAT, toDocument } from './exchange';
import { playbookSchema } from './schema';

const pb = playbookSchema.parse(
  raw(
    [
      { id: 'start', kind: 'start' },
      { id: 'end', kind: 'end' },
    ],
    [['start', 'next', 'end']],
  ),
);

describe('the playbook file format', () => {
  test('an exported document reads back as the same playbook, with where it came from', () => {
    const doc = toDocument(pb, { exportedAt: '2026-11-25T10:00:00.000Z', source: { key: 'test', version: 3 } });
    expect(doc.$export).toMatchObject({ format: PLAYBOOK_FORMAT, formatVersion: 1, source: { key: 'test', version: 3 } });
    const read = fromDocument(JSON.parse(JSON.stringify(doc)));
    expect(read).toEqual({ ok: true, playbook: pb, exportInfo: doc.$export });
    // Still a playbook for every other reader: the schema drops the block.
    expect(playbookSchema.parse(doc)).toEqual(pb);
  });

  test('a bare playbook reads too, defaults applied', () => {
    expect(fromDocument(raw([{ id: 'start', kind: 'start' }]))).toMatchObject({ ok: true, exportInfo: null });
  });

  test('schema problems come back with their field paths', () => {
    const bad = { ...raw([{ id: 'start', kind: 'start' }]), key: 'Bad Key', nodes: [{ id: 'a b', kind: 'nope' }] };
    const read = fromDocument(bad);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((p) => p.path).sort()).toEqual(['key', 'nodes.0.id', 'nodes.0.kind']);
    expect(read.problems.every((p) => p.code === 'schema' && p.severity === 'error')).toBe(true);
  });

  test.each([
    ['null', null, ''],
    ['an array', [pb], ''],
    ['a string', 'text', ''],
    ['another format', { ...pb, $export: { format: 'other' } }, '$export.format'],
    ['a newer format version', { ...pb, $export: { format: PLAYBOOK_FORMAT, formatVersion: 2 } }, '$export.formatVersion'],
  ])('%s is refused', (_, input, path) => {
    expect(fromDocument(input)).toMatchObject({ ok: false, problems: [{ path }] });
  });
});
