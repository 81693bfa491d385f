import '../ui/quiet.css';
import './backtest.css';
import { useEffect, useId, useRef, useState } from 'react';
import type { Playbook } from '@firebreak/engine';
import type { WorkbenchContext } from '../playbooks/workbench';
import { requestTestRun } from '../run/handoff';
import { Empty } from '../ui/states';
import { useKept } from '../ui/useKept';
import { countsOverlay, runBacktestInSlices, type BacktestResult, type BacktestRow } from './backtest';
import { fetchVersionGraph } from '../versions/versionsApi';
import { fetchRecorded } from './backtestApi';
import { DifferingList } from './DifferingList';

const SIZES = [25, 50, 100, 200, 500];

interface Outcome {
  result: BacktestResult;
  /** The draft it ran on: a later edit makes it stale. */
  draft: Playbook;
  liveVersion: number | null;
  versions: number[];
}

/**
 * The backtest: the draft over the last N recorded interactions of this playbook, in the
 * browser. The canvas shows per node how many would pass there; the list shows the ones the
 * draft would route differently from the live version, each openable in the test run.
 */
export function BacktestPanel({ ctx }: { ctx: WorkbenchContext }) {
  const id = useId();
  const keep = `backtest:${ctx.detail.key}`;
  const [size, setSize] = useKept(`${keep}:size`, () => 100);
  const [outcome, setOutcome] = useKept<Outcome | null>(`${keep}:outcome`, () => null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const stale = !!outcome && outcome.draft !== ctx.playbook;

  const setOverlay = useRef(ctx.setOverlay);
  setOverlay.current = ctx.setOverlay;
  useEffect(() => {
    setOverlay.current(outcome && !stale ? countsOverlay(outcome.result) : null);
  }, [outcome, stale]);
  useEffect(() => () => setOverlay.current(null), []);

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      const draft = ctx.playbook;
      const liveVersion = ctx.detail.liveVersion?.version ?? null;
      const [recorded, live] = await Promise.all([
        fetchRecorded(ctx.detail.key, size),
        liveVersion ? fetchVersionGraph(ctx.detail.key, liveVersion) : Promise.resolve(null),
      ]);
      setProgress({ done: 0, total: recorded.length });
      const result = await runBacktestInSlices(draft, live, recorded, ctx.templates, (done) =>
        setProgress({ done, total: recorded.length }),
      );
      setOutcome({ result, draft, liveVersion, versions: [...new Set(recorded.map((r) => r.version))].sort((a, b) => a - b) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const open = (row: BacktestRow) => {
    requestTestRun(row.input, row.answers);
    // The test-run tab takes the request when it opens (the workbench mounts only the open tab).
    document.getElementById('tab-run')?.click();
  };

  const r = outcome?.result;
  return (
    <section className="backtest-panel" data-testid="backtest-panel" aria-label="Backtest">
      <p className="muted small">
        Run the draft over interactions this playbook has already handled: see where they would go now, and which would go somewhere else
        than with the live version.
      </p>
      <div className="backtest-controls">
        <label htmlFor={`${id}-n`}>The last</label>
        <select id={`${id}-n`} data-testid="backtest-size" value={size} onChange={(e) => setSize(Number(e.target.value))}>
          {SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <span>interactions</span>
        <button type="button" className="button" data-testid="backtest-run" onClick={run} disabled={busy}>
          {busy ? (progress ? `Running… ${progress.done} of ${progress.total}` : 'Loading…') : outcome ? 'Run again' : 'Run backtest'}
        </button>
      </div>
      {error && (
        <div className="state state-error" role="alert" data-testid="backtest-error">
          <h2>The backtest could not run</h2>
          <p>{error}</p>
        </div>
      )}
      {stale && (
        <p className="note" role="note" data-testid="backtest-stale">
          The draft changed since this backtest. Run it again to see the new counts.
        </p>
      )}
      {r && r.total === 0 && (
        <Empty title="No interaction has run on this playbook yet">
          Once messages arrive on a published version, the backtest replays them here.
        </Empty>
      )}
      {r && r.total > 0 && outcome && (
        <div className="backtest-result" data-testid="backtest-result" aria-live="polite">
          <p data-testid="backtest-summary">
            <strong>{r.total}</strong> recorded interactions (run on v{outcome.versions.join(', v')}).{' '}
            {outcome.liveVersion === null ? (
              'Nothing is live yet, so there is nothing to compare with.'
            ) : r.differing.length ? (
              <>
                The draft routes <strong data-testid="backtest-differing-count">{r.differing.length}</strong> of them differently from the
                live version v{outcome.liveVersion}.
              </>
            ) : (
              <>
                The draft routes every one of them like the live version v{outcome.liveVersion} (
                <span data-testid="backtest-differing-count">0</span> differ).
              </>
            )}
          </p>
          <p className="muted small">
            The numbers on the canvas: how many would pass each node. Both paths are simulated with the same facts and the same decisions
            people took in the recorded run, so only the draft&apos;s edits make a difference.
          </p>
          {r.failed.length > 0 && (
            <p className="note" role="note">
              {r.failed.length} could not run on the draft: {r.failed[0].message}
            </p>
          )}
          {r.differing.length > 0 && <DifferingList rows={r.differing} draft={outcome.draft} onOpen={open} />}
        </div>
      )}
    </section>
  );
}
