import '../ui/quiet.css';
import './versions.css';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { diffPlaybooks, type Playbook, type PlaybookDiff } from '@firebreak/engine';
import { mayManage } from '../auth/access';
import { useSession } from '../auth/session';
import type { WorkbenchContext } from '../playbooks/workbench';
import { Empty, ErrorState, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { useKept } from '../ui/useKept';
import { ChangeList } from './ChangeList';
import { diffOverlay } from './diffOverlay';
import { History } from './History';
import { RollbackDialog } from './RollbackDialog';
import { fetchVersionGraph, fetchVersions, type VersionRow } from './versionsApi';

/** One side of a comparison: a published version, or the draft being edited. */
type Side = number | 'draft';

const sideLabel = (s: Side) => (s === 'draft' ? 'the draft' : `v${s}`);

/**
 * Versions: the history (who published what, when, why; which is live), a visual diff of any
 * two versions or a version and the draft on the canvas with the changes listed per node,
 * and rollback (an old version published again) after a confirmation.
 */
export function VersionsPanel({ ctx }: { ctx: WorkbenchContext }) {
  const key = ctx.detail.key;
  const role = useSession()?.user.role;
  const [state, reload] = useAsync((signal) => fetchVersions(key, signal), [key]);
  const [from, setFrom] = useKept<Side | null>(`versions:${key}:from`, () => null);
  const [to, setTo] = useKept<Side>(`versions:${key}:to`, () => 'draft');
  const [rollback, setRollback] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const versions = state.status === 'ready' ? state.data : [];
  const live = versions.find((v) => v.live);
  // Compare the live version (else the newest) with the draft until the manager picks others.
  const left: Side | null = from ?? live?.version ?? versions[0]?.version ?? null;

  return (
    <section className="versions-panel" data-testid="versions-panel" aria-label="Versions">
      {state.status === 'loading' && <Loading what="the versions" />}
      {state.status === 'error' && <ErrorState title="The versions could not be loaded" error={state.error} onRetry={reload} />}
      {notice && (
        <p className="versions-notice" role="status" data-testid="versions-notice">
          {notice}
        </p>
      )}
      {state.status === 'ready' && versions.length === 0 && (
        <Empty title="Not published yet">
          Publish the draft to start its history; every version stays here, and any of them can go live again.
        </Empty>
      )}
      {state.status === 'ready' && versions.length > 0 && left !== null && (
        <>
          <Compare versions={versions} from={left} to={to} onFrom={setFrom} onTo={setTo} />
          <DiffView ctx={ctx} playbookKey={key} from={left} to={to} />
          <History
            versions={versions}
            canRollBack={!!role && mayManage(role)}
            onCompare={(v) => {
              setFrom(v);
              setTo('draft');
            }}
            onRollback={setRollback}
          />
        </>
      )}
      <RollbackDialog
        playbookKey={key}
        version={rollback}
        nextVersion={(versions[0]?.version ?? 0) + 1}
        onClose={() => setRollback(null)}
        onDone={(published, old) => {
          setRollback(null);
          setNotice(`Version ${old} is live again as v${published}. The draft is now v${old}'s graph.`);
          setFrom(published);
          setTo('draft');
          reload();
          ctx.reload();
        }}
      />
    </section>
  );
}

function Compare(props: { versions: VersionRow[]; from: Side; to: Side; onFrom: (s: Side) => void; onTo: (s: Side) => void }) {
  const id = useId();
  const options = [
    { value: 'draft', label: 'The draft' },
    ...props.versions.map((v) => ({ value: String(v.version), label: `v${v.version}${v.live ? ' (live)' : ''}` })),
  ];
  const parse = (v: string): Side => (v === 'draft' ? 'draft' : Number(v));
  return (
    <div className="versions-compare" role="group" aria-label="Compare two versions">
      <label htmlFor={`${id}-from`}>Compare</label>
      <select
        id={`${id}-from`}
        data-testid="versions-from"
        value={String(props.from)}
        onChange={(e) => props.onFrom(parse(e.target.value))}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-to`}>with</label>
      <select id={`${id}-to`} data-testid="versions-to" value={String(props.to)} onChange={(e) => props.onTo(parse(e.target.value))}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The diff of two sides, on the canvas (overlay) and in words. */
function DiffView({ ctx, playbookKey, from, to }: { ctx: WorkbenchContext; playbookKey: string; from: Side; to: Side }) {
  const [moves, setMoves] = useState(false);
  const [graphs, setGraphs] = useState<{ a: Playbook; b: Playbook } | { error: Error } | null>(null);
  const draft = ctx.playbook;
  useEffect(() => {
    let live = true;
    const load = (s: Side) => (s === 'draft' ? Promise.resolve(draft) : fetchVersionGraph(playbookKey, s));
    Promise.all([load(from), load(to)]).then(
      ([a, b]) => live && setGraphs({ a, b }),
      (error: Error) => live && setGraphs({ error }),
    );
    return () => {
      live = false;
    };
  }, [playbookKey, from, to, draft]);

  const diff: PlaybookDiff | null = useMemo(
    () => (graphs && 'a' in graphs ? diffPlaybooks(graphs.a, graphs.b, { ignorePositions: !moves }) : null),
    [graphs, moves],
  );

  const setOverlay = useRef(ctx.setOverlay);
  setOverlay.current = ctx.setOverlay;
  useEffect(() => {
    setOverlay.current(diff && graphs && 'b' in graphs ? diffOverlay(diff, graphs.b, draft) : null);
  }, [diff, graphs, draft]);
  useEffect(() => () => setOverlay.current(null), []);

  if (!graphs) return <Loading what="the versions to compare" />;
  if ('error' in graphs) return <ErrorState title="The versions could not be compared" error={graphs.error} />;
  if (!diff) return null;
  const s = diff.summary;
  return (
    <div className="versions-diff" data-testid="versions-diff">
      <p data-testid="versions-summary">
        From {sideLabel(from)} to {sideLabel(to)}: {s.nodesAdded} added, {s.nodesRemoved} removed, {s.nodesChanged} changed
        {s.nodesAdded + s.nodesRemoved + s.nodesChanged === 0 ? '' : ' (coloured on the canvas)'}.
      </p>
      <label className="versions-check">
        <input type="checkbox" checked={moves} onChange={(e) => setMoves(e.target.checked)} /> Count nodes that were only moved
      </label>
      <ChangeList diff={diff} to={'b' in graphs ? graphs.b : draft} onSelect={(id) => ctx.selectNode(id)} />
    </div>
  );
}
