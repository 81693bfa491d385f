import { catalog, type NodeKind } from '@firebreak/engine';
import type { Trace } from './trace';

const outcomeWords = (o: string) => o.replace(/_/g, ' ');

/** The steps taken so far, each with why it went that way and what it did. */
export function StepList({ trace, cursor, onSelect }: { trace: Trace; cursor: number; onSelect: (nodeId: string, index: number) => void }) {
  return (
    <ol className="run-steps" data-testid="run-steps">
      {trace.steps.slice(0, cursor + 1).map((s) => (
        <li
          key={s.index}
          className={s.index === cursor ? 'run-step is-current' : 'run-step'}
          data-testid={`run-step-${s.index}`}
          data-node={s.nodeId}
          aria-current={s.index === cursor ? 'step' : undefined}
        >
          <button type="button" className="run-step-head" onClick={() => onSelect(s.nodeId, s.index)}>
            <span className="run-step-number">{s.index + 1}</span>
            <span className="run-step-label">{s.label}</span>
            <span className="muted small">{catalog[s.kind as NodeKind]?.label ?? s.kind}</span>
            {s.outcome && <span className="run-outcome">→ {outcomeWords(s.outcome)}</span>}
          </button>
          {s.why.length > 0 && (
            <ul className="run-why" aria-label="Why">
              {s.why.map((w, i) => (
                <li key={i} data-testid="run-why">
                  {w}
                </li>
              ))}
            </ul>
          )}
          {s.actions.length > 0 && (
            <ul className="run-actions" aria-label="What it did">
              {s.actions.map((a, i) => (
                <li key={i} data-testid="run-action">
                  {a}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
