import type { Playbook } from '@firebreak/engine';
import { formatDateTime } from '../ui/format';
import { CHANNEL_NAMES } from '../run/interaction';
import type { TraceStep } from '../run/trace';
import type { BacktestRow } from './backtest';

const SHOWN = 4;

function tail(steps: TraceStep[], from: number): string {
  const part = steps.slice(from, from + SHOWN).map((s) => `${s.label}${s.outcome ? ` (${s.outcome.replace(/_/g, ' ')})` : ''}`);
  if (!part.length) return 'ends here';
  return part.join(' → ') + (steps.length > from + SHOWN ? ' → …' : '');
}

/** Why the paths part: a decision with another outcome, or an edge the draft moved. */
function partingReason(row: BacktestRow, draft: Playbook): string {
  const i = row.partsAt ?? 0;
  const d = row.draft[i];
  const l = row.live[i];
  if (d && l && d.nodeId === l.nodeId) return `${d.label} — ${d.why.join('; ') || `${d.outcome} in the draft, ${l.outcome} live`}`;
  const before = row.draft[i - 1];
  if (before && (!d || !l)) return d ? `the draft goes on after ${before.label}` : `the draft ends after ${before.label}`;
  if (before) {
    const target = draft.nodes.find((n) => n.id === d?.nodeId);
    return `from ${before.label} on “${before.outcome}” the draft leads to ${target?.label || d?.nodeId}, live to ${l?.label}`;
  }
  return 'the draft starts differently';
}

/** The interactions the draft would route differently from the live version, each openable in the test run. */
export function DifferingList({ rows, draft, onOpen }: { rows: BacktestRow[]; draft: Playbook; onOpen: (row: BacktestRow) => void }) {
  return (
    <ul className="backtest-differing" data-testid="backtest-differing">
      {rows.map((row) => (
        <li key={row.interaction.id} data-testid={`backtest-diff-${row.interaction.id}`}>
          <button
            type="button"
            className="backtest-row"
            onClick={() => onOpen(row)}
            aria-label={`Open in the test run: ${row.interaction.text}`}
          >
            <span className="backtest-text">{row.interaction.text}</span>
            <span className="muted small">
              {CHANNEL_NAMES[row.interaction.channel as keyof typeof CHANNEL_NAMES] ?? row.interaction.channel} ·{' '}
              {formatDateTime(row.interaction.receivedAt)} · ran on v{row.interaction.version}
            </span>
            <span className="backtest-why" data-testid="backtest-why">
              {partingReason(row, draft)}
            </span>
            <span className="backtest-path">
              <strong>Live:</strong> {tail(row.live, row.partsAt ?? 0)}
            </span>
            <span className="backtest-path">
              <strong>Draft:</strong> {tail(row.draft, row.partsAt ?? 0)}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
