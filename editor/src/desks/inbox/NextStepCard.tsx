import { useState } from 'react';
import { Countdown } from '../../ui/Countdown';
import type { NextStep } from './inboxApi';

/** What the playbook asks of the agent now: the prompt, and a checklist to tick while working. */
export function NextStepCard({ step }: { step: NextStep }) {
  // Ticks are the agent's own aid while working the case; the outcome is what is recorded.
  const [done, setDone] = useState<Record<number, boolean>>({});
  return (
    <section className="next-step" aria-labelledby="next-step-title" data-testid="next-step">
      <h3 id="next-step-title">
        Next step <Countdown dueAt={step.dueAt} />
      </h3>
      <p>{step.prompt || 'The playbook gives no prompt for this task.'}</p>
      {step.checklist.length > 0 && (
        <ul className="checklist" aria-label="Checklist">
          {step.checklist.map((c, i) => (
            <li key={i}>
              <label>
                <input type="checkbox" checked={!!done[i]} onChange={(e) => setDone({ ...done, [i]: e.target.checked })} />
                <span>{c}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
