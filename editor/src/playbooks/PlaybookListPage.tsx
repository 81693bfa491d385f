import './playbooks.css';
import { api, type PlaybookSummary } from '../api/client';
import { Link } from '../app/router';
import { Empty, ErrorState, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { useState } from 'react';
import { mayManage } from '../auth/access';
import { useSession } from '../auth/session';
import { NewPlaybookDialog } from './NewPlaybookDialog';
import { formatDateTime } from '../ui/format';
import { LiveBadge } from './LiveBadge';

/** `/`: every playbook with its live version; each opens its canvas. */
export function PlaybookListPage() {
  const [state, reload] = useAsync((signal) => api.playbooks.list(signal), []);
  const session = useSession();
  const canCreate = !session || mayManage(session.user.role);
  const [creating, setCreating] = useState(false);

  return (
    <main className="page" aria-labelledby="playbooks-title">
      <header className="page-header page-header-actions">
        <div>
          <h1 id="playbooks-title">Playbooks</h1>
          <p className="muted">What happens to every incoming message, per channel and team.</p>
        </div>
        {canCreate && (
          <button type="button" className="button" onClick={() => setCreating(true)} data-testid="new-playbook-open">
            New playbook
          </button>
        )}
      </header>
      <NewPlaybookDialog open={creating} onClose={() => setCreating(false)} />
      {state.status === 'loading' && <Loading what="playbooks" />}
      {state.status === 'error' && <ErrorState title="The playbooks could not be loaded" error={state.error} onRetry={reload} />}
      {state.status === 'ready' && state.data.length === 0 && (
        <Empty title="No playbooks yet">
          Create one with “New playbook”, import one with <code>npx firebreak import FILE</code>, or restart Firebreak to load the examples.
        </Empty>
      )}
      {state.status === 'ready' && state.data.length > 0 && <PlaybookTable playbooks={state.data} />}
    </main>
  );
}

function PlaybookTable({ playbooks }: { playbooks: PlaybookSummary[] }) {
  return (
    <table className="table" data-testid="playbook-list">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Key</th>
          <th scope="col">Live version</th>
          <th scope="col">Description</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {playbooks.map((p) => (
          <tr key={p.key} data-testid={`playbook-${p.key}`} className={p.archived ? 'is-archived' : undefined}>
            <td>
              <Link to={`/playbooks/${encodeURIComponent(p.key)}`} className="strong">
                {p.name}
              </Link>
              {p.archived && <span className="pill pill-muted">archived</span>}
            </td>
            <td>
              <code>{p.key}</code>
            </td>
            <td>
              <LiveBadge live={p.liveVersion} />
            </td>
            <td className="description">{p.description || <span className="muted">—</span>}</td>
            <td className="nowrap muted">{formatDateTime(p.updatedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
