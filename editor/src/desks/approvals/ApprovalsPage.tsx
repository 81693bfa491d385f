import '../desks.css';
import { useState } from 'react';
import { navigate } from '../../app/router';
import { useReloadOn } from '../../live/events';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useAsync } from '../../ui/useAsync';
import { useLastReady } from '../../ui/useLastReady';
import { ApprovalDetailView } from './ApprovalDetailView';
import { ApprovalQueue } from './ApprovalQueue';
import { approvalsApi } from './approvalsApi';

/**
 * `/approvals[/:id]`: the PR or legal desk. The queue on the left updates itself from live
 * events; the item on the right is the one in the address (or the most urgent one).
 */
export function ApprovalsPage({ selectedId }: { selectedId?: string }) {
  const [queue, reloadQueue] = useAsync((signal) => approvalsApi.pending(signal), []);
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  useReloadOn(['approval.'], () => {
    reloadQueue();
    setVersion((v) => v + 1);
  });

  const data = useLastReady(queue);
  const items = data?.items ?? [];
  const shownId = selectedId ?? items[0]?.id;

  function decided(_: unknown, message: string) {
    setNote(message);
    const next = items.find((i) => i.id !== shownId);
    reloadQueue();
    setVersion((v) => v + 1);
    navigate(next ? `/approvals/${next.id}` : '/approvals', { replace: true });
  }

  return (
    <main className="page page-desk" aria-labelledby="approvals-title">
      <header className="page-header">
        <h1 id="approvals-title">Approvals{data?.role ? ` · ${data.role.toUpperCase()}` : ''}</h1>
        <p className="muted">Drafted replies waiting for your approval, the most urgent first. Edit a draft to approve it with changes.</p>
      </header>
      {note && (
        <p className="desk-note" role="status" data-testid="desk-note">
          {note}{' '}
          <button type="button" className="link" onClick={() => setNote(null)}>
            Dismiss
          </button>
        </p>
      )}
      {!data && queue.status === 'loading' && <Loading what="the approval queue" />}
      {queue.status === 'error' && <ErrorState title="The approval queue could not be loaded" error={queue.error} onRetry={reloadQueue} />}
      {data && items.length === 0 && !selectedId && (
        <Empty title="Nothing to approve">New drafts appear here as soon as a playbook asks for your approval.</Empty>
      )}
      {data && (items.length > 0 || selectedId) && (
        <div className="desk">
          <div className="desk-queue">
            {items.length > 0 ? <ApprovalQueue items={items} selectedId={shownId} /> : <p className="muted">The queue is empty.</p>}
          </div>
          <div className="desk-main">
            {shownId && <ApprovalDetailView key={shownId} id={shownId} version={version} onDecided={decided} />}
          </div>
        </div>
      )}
    </main>
  );
}
