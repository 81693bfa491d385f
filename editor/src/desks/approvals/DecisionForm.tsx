import { FormEvent, useState } from 'react';
import { ApiError } from '../../api/client';
import { approvalsApi, type ApprovalDetail, type ApprovalItem } from './approvalsApi';

/**
 * The draft, editable, and the two decisions: approve (the edited text is what the customer
 * receives) or reject with a reason, which the drafter reads. A decision someone else made
 * first is a 409: we say so instead of failing.
 */
export function DecisionForm({
  approval,
  onDecided,
}: {
  approval: ApprovalDetail;
  onDecided: (result: ApprovalItem | null, note: string) => void;
}) {
  const [text, setText] = useState(approval.draft.text);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const edited = text.trim() !== approval.draft.text.trim();

  async function decide(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = rejecting
        ? await approvalsApi.decide(approval.id, { outcome: 'reject', reason: reason.trim() })
        : await approvalsApi.decide(approval.id, edited ? { outcome: 'approve', text: text.trim() } : { outcome: 'approve' });
      onDecided(
        result,
        rejecting
          ? 'Rejected: the drafter will see your reason.'
          : edited
            ? 'Approved with your edit: it is being sent.'
            : 'Approved: it is being sent.',
      );
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) onDecided(null, err.message);
      else setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form className="decision" onSubmit={decide} aria-label="Decide on the draft" data-testid="decision-form">
      <label htmlFor="draft-text" className="field-label">
        Draft reply {edited && <span className="pill-small">edited</span>}
      </label>
      <textarea
        id="draft-text"
        data-testid="draft-text"
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={5}
        disabled={busy || rejecting}
        aria-describedby="draft-hint"
      />
      <p id="draft-hint" className="muted small">
        Edit the text to approve with changes{approval.draft.template ? ` (drafted from “${approval.draft.template}”)` : ''}
        {approval.draft.author ? `; written by ${approval.draft.author}` : ''}.
      </p>
      {rejecting && (
        <>
          <label htmlFor="reject-reason" className="field-label">
            Reason for rejecting (required)
          </label>
          <textarea
            id="reject-reason"
            data-testid="reject-reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={3}
            required
            autoFocus
            disabled={busy}
          />
        </>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className="decision-buttons">
        {!rejecting ? (
          <>
            <button type="submit" className="button approve" disabled={busy || !text.trim()} data-testid="approve">
              {busy ? 'Sending…' : edited ? 'Approve with edit' : 'Approve'}
            </button>
            <button type="button" className="button secondary" onClick={() => setRejecting(true)} disabled={busy}>
              Reject…
            </button>
          </>
        ) : (
          <>
            <button type="submit" className="button danger" disabled={busy || !reason.trim()} data-testid="reject">
              {busy ? 'Rejecting…' : 'Reject'}
            </button>
            <button type="button" className="button secondary" onClick={() => setRejecting(false)} disabled={busy}>
              Back to the draft
            </button>
          </>
        )}
      </div>
    </form>
  );
}
