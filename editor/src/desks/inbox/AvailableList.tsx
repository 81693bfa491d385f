import { useState } from 'react';
import { ApiError } from '../../api/client';
import { formatDateTime } from '../../ui/format';
import { inboxApi, type AvailableItem } from './inboxApi';

/** Queued work in the agent's teams that fits their skills: claim one to make it theirs. */
export function AvailableList({ items, onClaimed }: { items: AvailableItem[]; onClaimed: (caseId: string | null, note: string) => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function claim(item: AvailableItem) {
    setBusy(item.id);
    setError(null);
    try {
      const res = await inboxApi.claim(item.id);
      onClaimed(res.item?.caseId ?? item.caseId, `You took the case of ${item.customer?.name ?? 'this customer'}.`);
    } catch (e) {
      // 409: someone else took it first, or the agent is full; the list reloads either way.
      setError(e instanceof ApiError ? e.message : String(e));
      if (e instanceof ApiError && e.status === 409) onClaimed(null, '');
    } finally {
      setBusy(null);
    }
  }

  if (items.length === 0) return <p className="muted small">Nothing queued for your teams.</p>;
  return (
    <>
      {error && (
        <p role="alert" className="form-error small">
          {error}
        </p>
      )}
      <ul className="queue" aria-label="Queued work you can claim" data-testid="inbox-available">
        {items.map((i) => (
          <li key={i.id} className="queue-item">
            <span className="queue-top">
              <span className="strong">{i.customer?.name ?? 'Unknown customer'}</span>
              <span className="channel-tag">{i.channel}</span>
              {i.tier && <span className="muted small">{i.tier} tier</span>}
            </span>
            <span className="queue-excerpt">{i.message}</span>
            <span className="queue-top">
              <span className="muted small">
                {i.team} · queued {formatDateTime(i.queuedAt)}
              </span>
              <button
                type="button"
                className="button secondary"
                style={{ marginLeft: 'auto', padding: '2px 10px' }}
                onClick={() => claim(i)}
                disabled={!i.canClaim || busy !== null}
                title={i.canClaim ? undefined : 'You are at capacity: finish a case first'}
              >
                {busy === i.id ? 'Claiming…' : 'Claim'}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
