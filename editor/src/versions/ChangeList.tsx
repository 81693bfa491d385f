import { catalog, type PlaybookDiff, type PlaybookNode } from '@firebreak/engine';
import { describeValue } from './diffOverlay';

interface Entry {
  id: string;
  label: string;
  kind: string;
  tone: 'added' | 'removed' | 'changed';
  changes: PlaybookDiff['nodes']['changed'][number]['changes'];
}

const WORD = { added: 'Added', removed: 'Removed', changed: 'Changed' };
const kindLabel = (n: Pick<PlaybookNode, 'kind'>) => catalog[n.kind]?.label ?? n.kind;

/** The diff in words: every node added, removed or changed, with each setting before → after. */
export function ChangeList({
  diff,
  to,
  onSelect,
}: {
  diff: PlaybookDiff;
  to: { nodes: PlaybookNode[] };
  onSelect: (nodeId: string) => void;
}) {
  const entries: Entry[] = [
    ...diff.nodes.added.map((n) => ({ id: n.id, label: n.label || n.id, kind: kindLabel(n), tone: 'added' as const, changes: [] })),
    ...diff.nodes.removed.map((n) => ({ id: n.id, label: n.label || n.id, kind: kindLabel(n), tone: 'removed' as const, changes: [] })),
    ...diff.nodes.changed.map((c) => {
      const n = to.nodes.find((x) => x.id === c.id);
      return { id: c.id, label: n?.label || c.id, kind: kindLabel({ kind: c.kind }), tone: 'changed' as const, changes: c.changes };
    }),
  ];
  const edgeCount = diff.summary.edgesAdded + diff.summary.edgesRemoved + diff.summary.edgesChanged;
  return (
    <div className="versions-changes" data-testid="versions-changes">
      {entries.length === 0 && diff.playbook.length === 0 && edgeCount === 0 && <p className="muted">No differences.</p>}
      <ul>
        {entries.map((e) => (
          <li key={`${e.tone}-${e.id}`} className={`change change-${e.tone}`} data-testid={`change-${e.id}`}>
            <button type="button" className="change-head" onClick={() => onSelect(e.id)}>
              <span className={`change-tag tag-${e.tone}`}>{WORD[e.tone]}</span> <strong>{e.label}</strong>{' '}
              <span className="muted small">{e.kind}</span>
            </button>
            {e.changes.length > 0 && (
              <ul className="change-fields">
                {e.changes.map((c) => (
                  <li key={c.path}>
                    <code>{c.path}</code>: {describeValue(c.before)} → {describeValue(c.after)}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
        {diff.playbook.map((c) => (
          <li key={`pb-${c.path}`} className="change change-changed">
            <span className="change-tag tag-changed">Playbook</span> <code>{c.path}</code>: {describeValue(c.before)} →{' '}
            {describeValue(c.after)}
          </li>
        ))}
      </ul>
      {edgeCount > 0 && (
        <p className="muted small">
          Connections: {diff.summary.edgesAdded} added, {diff.summary.edgesRemoved} removed, {diff.summary.edgesChanged} rewired.
        </p>
      )}
    </div>
  );
}
