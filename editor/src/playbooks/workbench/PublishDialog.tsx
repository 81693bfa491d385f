import { useState } from 'react';
import type { Problem } from '@firebreak/engine';
import { ApiError } from '../../api/client';
import { Dialog } from '../../ui/Dialog';
import { publishDraft, type PublishResult } from '../playbooksApi';

/**
 * Publish with a change note: saves what is unsaved first, then publishes. With four eyes on,
 * the answer is a request that waits for a second manager.
 */
export function PublishDialog(props: {
  playbookKey: string;
  open: boolean;
  onClose: () => void;
  flush: () => Promise<boolean>;
  onDone: (result: PublishResult) => void;
}) {
  const { playbookKey, open, onClose, flush, onDone } = props;
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; problems: Problem[] } | null>(null);

  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!(await flush())) throw new Error('The draft could not be saved, so it was not published. Check the connection and retry.');
      const result = await publishDraft(playbookKey, note.trim());
      setNote('');
      onDone(result);
    } catch (e) {
      const message =
        e instanceof ApiError && e.status === 403 ? 'Only managers may publish playbooks.' : e instanceof Error ? e.message : String(e);
      setError({ message, problems: e instanceof ApiError ? e.problems : [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="Publish this draft" open={open} onClose={close} testId="publish-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <p className="muted small">
          The draft becomes the live version for new messages. Runs already under way keep the version they started on.
        </p>
        <label className="form-field">
          Change note
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={2000}
            required
            autoFocus
            placeholder="What changed and why, e.g. “PR approves replies to angry influencers”"
            data-testid="publish-note"
          />
          <span className="hint">Kept in the version history and the audit log.</span>
        </label>
        {error && (
          <div className="form-error" role="alert" data-testid="publish-error">
            {error.message}
            {error.problems.length > 0 && (
              <ul>
                {error.problems.slice(0, 8).map((p, i) => (
                  <li key={i}>
                    {p.nodeId ? `${p.nodeId}: ` : ''}
                    {p.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={close} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || !note.trim()} data-testid="publish-confirm">
            {busy ? 'Publishing…' : 'Publish'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
