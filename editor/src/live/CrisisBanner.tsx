import './live.css';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { mayManage } from '../auth/access';
import type { Role } from '../auth/session';
import { formatDateTime } from '../ui/format';
import { crisesApi, type Crisis } from './crisesApi';
import { useCrises } from './useCrises';

/**
 * App-wide: while a crisis is active everyone sees it above every page (crisis branches of the
 * playbooks are being taken); managers can stand it down from here.
 */
export function CrisisBanner({ role }: { role: Role }) {
  const { crises, reload } = useCrises('active');
  const active = (crises ?? []).filter((c) => c.status === 'active');
  if (active.length === 0) return null;
  return (
    <section className="crisis-banner" role="region" aria-label="Active crisis" data-testid="crisis-banner">
      {active.map((c) => (
        <CrisisRow key={c.id} crisis={c} canStandDown={mayManage(role)} onChanged={reload} />
      ))}
    </section>
  );
}

function CrisisRow({ crisis, canStandDown, onChanged }: { crisis: Crisis; canStandDown: boolean; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function standDown() {
    setBusy(true);
    setError(null);
    try {
      await crisesApi.standDown(crisis.id);
      onChanged();
    } catch (e) {
      // 409: someone else stood it down first; the reload shows it.
      if (e instanceof ApiError && e.status === 409) onChanged();
      else setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
      setConfirming(false);
    }
  }

  return (
    <div className="crisis-row" data-testid={`crisis-${crisis.topic}`}>
      <span className="crisis-icon" aria-hidden="true">
        ⚠
      </span>
      <p>
        <strong>Crisis: {crisis.topic}</strong>{' '}
        <span className="crisis-meta">
          declared by {crisis.declaredByName ?? crisis.declaredBy} · {formatDateTime(crisis.declaredAt)}. Crisis branches and holding
          replies are in force.
        </span>
      </p>
      {error && (
        <span role="alert" className="crisis-error">
          {error}
        </span>
      )}
      {canStandDown && !confirming && (
        <button type="button" className="crisis-button" onClick={() => setConfirming(true)}>
          Stand down…
        </button>
      )}
      {canStandDown && confirming && (
        <span className="crisis-confirm">
          Stand down “{crisis.topic}”?
          <button type="button" className="crisis-button" onClick={standDown} disabled={busy} autoFocus>
            {busy ? 'Standing down…' : 'Yes, stand down'}
          </button>
          <button type="button" className="crisis-button ghost" onClick={() => setConfirming(false)} disabled={busy}>
            Cancel
          </button>
        </span>
      )}
    </div>
  );
}
