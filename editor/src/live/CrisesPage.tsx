import './live.css';
import { FormEvent, useState } from 'react';
import { ApiError } from '../api/client';
import { mayManage } from '../auth/access';
import type { Role } from '../auth/session';
import { formatDateTime } from '../ui/format';
import { Empty, ErrorState, Loading } from '../ui/states';
import { crisesApi } from './crisesApi';
import { useCrises } from './useCrises';

/** `/crises`: every crisis, newest first; managers declare one here (the banner stands it down). */
export function CrisesPage({ role }: { role: Role }) {
  const { state, crises, reload } = useCrises();
  return (
    <main className="page" aria-labelledby="crises-title">
      <header className="page-header">
        <h1 id="crises-title">Crises</h1>
        <p className="muted">
          While a crisis is active, the playbooks’ crisis decisions take their crisis branch: holding replies, PR approval, agent follow-up.
        </p>
      </header>
      {mayManage(role) && <DeclareForm onDeclared={reload} />}
      {!crises && state.status === 'loading' && <Loading what="crises" />}
      {!crises && state.status === 'error' && <ErrorState title="The crises could not be loaded" error={state.error} onRetry={reload} />}
      {crises && crises.length === 0 && <Empty title="No crises so far">Nothing has been declared or detected.</Empty>}
      {crises && crises.length > 0 && (
        <table className="table" data-testid="crises-list">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Status</th>
              <th scope="col">Declared</th>
              <th scope="col">Stood down</th>
            </tr>
          </thead>
          <tbody>
            {crises.map((c) => (
              <tr key={c.id}>
                <td className="strong">{c.topic}</td>
                <td>
                  <span className={c.status === 'active' ? 'status-pill active' : 'status-pill'}>
                    {c.status === 'active' ? 'active' : 'stood down'}
                  </span>
                </td>
                <td>
                  {formatDateTime(c.declaredAt)} <span className="muted">by {c.declaredByName ?? c.declaredBy}</span>
                </td>
                <td>
                  {c.stoodDownAt ? (
                    `${formatDateTime(c.stoodDownAt)} by ${c.stoodDownByName ?? c.stoodDownBy ?? '—'}`
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function DeclareForm({ onDeclared }: { onDeclared: () => void }) {
  const [topic, setTopic] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function declare(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await crisesApi.declare(topic.trim());
      setTopic('');
      onDeclared();
    } catch (err) {
      setError(err instanceof ApiError && err.status === 409 ? `A crisis on “${topic.trim()}” is already active.` : (err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="crises-declare" onSubmit={declare} aria-label="Declare a crisis" data-testid="declare-crisis">
      <label>
        Topic
        <input value={topic} onChange={(e) => setTopic(e.target.value)} required maxLength={100} placeholder="e.g. broken discount link" />
      </label>
      <button type="submit" className="button danger" disabled={busy || !topic.trim()}>
        {busy ? 'Declaring…' : 'Declare crisis'}
      </button>
      {error && (
        <p role="alert" className="crisis-error" style={{ flexBasis: '100%', margin: 0 }}>
          {error}
        </p>
      )}
    </form>
  );
}
