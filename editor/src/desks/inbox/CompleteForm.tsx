import { FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { inboxApi, type NextStep } from './inboxApi';

/** Finish the task with one of the outcomes the playbook offers; the run goes on along that edge. */
export function CompleteForm({ step, onCompleted }: { step: NextStep; onCompleted: (note: string) => void }) {
  const [outcome, setOutcome] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function complete(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await inboxApi.complete(step.taskId, outcome, note.trim() || undefined);
      onCompleted(`Task completed: ${outcome}.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onCompleted(err.message);
      else setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form className="complete-form" onSubmit={complete} aria-label="Complete the task" data-testid="complete-form">
      <h3>Complete the task</h3>
      <div className="row">
        <label>
          <span className="field-label">Outcome</span>
          <select value={outcome} onChange={(e) => setOutcome(e.target.value)} required data-testid="task-outcome">
            <option value="" disabled>
              Choose an outcome…
            </option>
            {step.outcomes.map((o) => (
              <option key={o} value={o}>
                {o.replace(/_/g, ' ')}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" disabled={busy || !outcome} data-testid="complete-task">
          {busy ? 'Completing…' : 'Complete'}
        </button>
      </div>
      <label htmlFor="task-note" className="field-label">
        Note (optional)
      </label>
      <textarea id="task-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} disabled={busy} />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
    </form>
  );
}
