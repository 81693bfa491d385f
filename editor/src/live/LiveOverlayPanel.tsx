import './live.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import type { CanvasOverlay, WorkbenchContext } from '../playbooks/workbench';
import { formatDateTime } from '../ui/format';
import { ErrorState, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { useLastReady } from '../ui/useLastReady';
import { useLiveStatus, useReloadOn } from './events';
import { nodeStats, runsThrough, type NodeStats, type RecordedRun } from './liveStats';

/** The newest runs the overlay counts: enough for "what is happening now", small enough to count in the browser. */
const RUNS = 500;
const windows = [
  { id: '1h', label: 'Last hour', ms: 3_600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 86_400_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 86_400_000 },
  { id: 'all', label: `Last ${RUNS} runs`, ms: Infinity },
] as const;

const loadRuns = (key: string, signal: AbortSignal) =>
  api.request<{ interactions: RecordedRun[] }>(
    'GET',
    `/playbooks/${encodeURIComponent(key)}/interactions?limit=${RUNS}`,
    undefined,
    signal,
  );

/**
 * The workbench's Live tab: how many recent runs passed each node, wait there, or broke an
 * SLA there, drawn on the canvas as badges; selecting a node (here or on the canvas) lists
 * its recent runs. Refreshes itself from interaction events.
 */
export function LiveOverlayPanel({ ctx }: { ctx: WorkbenchContext }) {
  const key = ctx.detail.key;
  const [state, reload] = useAsync((signal) => loadRuns(key, signal), [key]);
  useReloadOn(['interaction.', 'approval.', 'task.'], reload, 3000);
  const status = useLiveStatus();
  const [windowId, setWindowId] = useState<(typeof windows)[number]['id']>('24h');
  const data = useLastReady(state);

  // The window is measured from when the data or the choice changed, not on every render.
  const runs = useMemo(() => {
    const ms = windows.find((w) => w.id === windowId)!.ms;
    const now = Date.now();
    return (data?.interactions ?? []).filter((r) => ms === Infinity || now - Date.parse(r.receivedAt) <= ms);
  }, [data, windowId]);
  const stats = useMemo(() => nodeStats(runs, Date.now()), [runs]);

  // Draw the counts on the canvas while this panel is open; clear them when it closes.
  const setOverlay = useRef(ctx.setOverlay);
  setOverlay.current = ctx.setOverlay;
  useEffect(() => {
    setOverlay.current(data ? toOverlay(stats) : null);
  }, [data, stats]);
  useEffect(() => () => setOverlay.current(null), []);

  if (!data && state.status === 'error') return <ErrorState title="Recent runs could not be loaded" error={state.error} onRetry={reload} />;
  if (!data) return <Loading what="recent runs" />;

  const labelOf = (id: string) => ctx.playbook.nodes.find((n) => n.id === id)?.label ?? id;
  const inDraft = new Set(ctx.playbook.nodes.map((n) => n.id));
  const rows = [...stats.values()].sort((a, b) => order(a, inDraft) - order(b, inDraft) || b.runs - a.runs);
  const selected = ctx.selectedNodeId;
  const totalBreaches = rows.reduce((n, r) => n + r.breaches, 0);

  return (
    <section className="live-panel" aria-label="Live counts" data-testid="live-panel">
      <div className="live-panel-controls">
        <span className={`live-dot ${status}`} aria-hidden="true" />
        <span className="small">
          {status === 'open' ? 'Live' : status === 'connecting' ? 'Connecting…' : 'Not live (reload to refresh)'}
        </span>
        <label className="small" style={{ marginLeft: 'auto' }}>
          Window{' '}
          <select value={windowId} onChange={(e) => setWindowId(e.target.value as typeof windowId)} data-testid="live-window">
            {windows.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="small muted" data-testid="live-summary">
        {runs.length} run{runs.length === 1 ? '' : 's'}
        {totalBreaches > 0 && (
          <>
            {' · '}
            <span className="breach">
              {totalBreaches} SLA breach{totalBreaches === 1 ? '' : 'es'}
            </span>
          </>
        )}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No runs of this playbook in this window.</p>
      ) : (
        <table className="live-table" data-testid="live-counts">
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col" className="num">
                Runs
              </th>
              <th scope="col" className="num">
                Waiting
              </th>
              <th scope="col" className="num">
                SLA breaches
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.nodeId} className={r.nodeId === selected ? 'is-selected' : undefined} data-testid={`live-row-${r.nodeId}`}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => ctx.selectNode(r.nodeId)} aria-pressed={r.nodeId === selected}>
                    {labelOf(r.nodeId)}
                  </button>
                  {!inDraft.has(r.nodeId) && <span className="muted small"> (not in the draft)</span>}
                </th>
                <td className="num">{r.runs}</td>
                <td className="num">{r.waiting || ''}</td>
                <td className={r.breaches ? 'num breach' : 'num'}>{r.breaches || ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && <NodeRuns runs={runs} nodeId={selected} label={labelOf(selected)} />}
    </section>
  );
}

function NodeRuns({ runs, nodeId, label }: { runs: RecordedRun[]; nodeId: string; label: string }) {
  const through = runsThrough(runs, nodeId, Date.now()).slice(0, 50);
  return (
    <section aria-labelledby="live-node-title" data-testid="live-node-runs">
      <h3 id="live-node-title" className="small strong">
        Recent runs through {label}
      </h3>
      {through.length === 0 ? (
        <p className="muted small">No run in this window passed this node.</p>
      ) : (
        <ul className="live-list">
          {through.map(({ run, outcome, breach }) => (
            <li key={run.id}>
              <span className="excerpt">{run.text.length > 140 ? `${run.text.slice(0, 140)}…` : run.text}</span>
              <span className="small muted">
                {run.author.name ?? (run.author.handle ? `@${run.author.handle}` : 'someone')} · {run.channel} · v{run.version} ·{' '}
                {formatDateTime(run.receivedAt)} · {outcome ? `→ ${outcome}` : 'waiting here'}
              </span>
              {breach && <span className="breach small"> · SLA breached</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Nodes of the draft first (in the canvas's terms), then ids only older versions had. */
const order = (s: NodeStats, inDraft: Set<string>) => (inDraft.has(s.nodeId) ? 0 : 1);

function toOverlay(stats: Map<string, NodeStats>): CanvasOverlay {
  const nodes: CanvasOverlay['nodes'] = {};
  for (const s of stats.values()) {
    const parts = [`${s.runs} run${s.runs === 1 ? '' : 's'}`];
    if (s.waiting) parts.push(`${s.waiting} waiting`);
    if (s.breaches) parts.push(`${s.breaches} SLA breach${s.breaches === 1 ? '' : 'es'}`);
    nodes[s.nodeId] = {
      tone: s.breaches ? 'breach' : s.waiting ? 'current' : 'path',
      badge: s.breaches ? `${s.runs} · ${s.breaches}⚠` : String(s.runs),
      title: parts.join(', '),
    };
  }
  return { nodes };
}
