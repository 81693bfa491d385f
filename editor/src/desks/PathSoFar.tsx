import type { PathStep } from '@firebreak/engine';
import { formatDateTime } from '../ui/format';

/** The steps the playbook took for this message, and where it waits now. */
export function PathSoFar({ path, waitingAt }: { path: PathStep[]; waitingAt?: string }) {
  if (path.length === 0) return <p className="muted">The playbook has not recorded a step yet.</p>;
  return (
    <ol className="path" aria-label="Path so far" data-testid="path">
      {path.map((s, i) => (
        <li key={`${s.nodeId}-${i}`} className={!s.outcome && s.nodeId === waitingAt ? 'is-waiting' : undefined}>
          <code>{s.nodeId}</code> <span className="muted small">{s.kind}</span>
          {s.outcome ? <span className="path-outcome">→ {s.outcome}</span> : <span className="path-outcome waiting">waiting</span>}
          <time dateTime={s.startedAt} className="muted small">
            {formatDateTime(s.startedAt)}
          </time>
        </li>
      ))}
    </ol>
  );
}
