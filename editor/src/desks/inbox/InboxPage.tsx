import '../desks.css';
import { useState } from 'react';
import { navigate } from '../../app/router';
import { useReloadOn } from '../../live/events';
import { Empty, ErrorState, Loading } from '../../ui/states';
import { useAsync } from '../../ui/useAsync';
import { useLastReady } from '../../ui/useLastReady';
import { AvailableList } from './AvailableList';
import { inboxApi } from './inboxApi';
import { InboxDetail } from './InboxDetail';
import { InboxList } from './InboxList';

/**
 * `/inbox[/:caseId]`: the agent's auto to-do list. Their cases on the left (updated from
 * live events), queued work they may claim below, the selected case on the right.
 */
export function InboxPage({ selectedId }: { selectedId?: string }) {
  const [mine, reloadMine] = useAsync((signal) => inboxApi.mine(signal), []);
  const [available, reloadAvailable] = useAsync((signal) => inboxApi.available(signal), []);
  const [version, setVersion] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const reloadAll = () => {
    reloadMine();
    reloadAvailable();
    setVersion((v) => v + 1);
  };
  useReloadOn(['task.', 'interaction.', 'approval.'], reloadAll, 1000);

  const data = useLastReady(mine);
  const queued = useLastReady(available);
  const entries = data?.items ?? [];
  const shown = entries.find((e) => e.caseId === selectedId) ?? (selectedId ? undefined : entries[0]);

  function done(message: string) {
    if (message) setNote(message);
    reloadAll();
  }

  return (
    <main className="page page-desk" aria-labelledby="inbox-title">
      <header className="page-header">
        <h1 id="inbox-title">Inbox{data?.agent ? ` · ${data.agent.name}` : ''}</h1>
        <p className="muted">Your cases, the one waiting longest first, with what the playbook asks you to do next.</p>
      </header>
      {note && (
        <p className="desk-note" role="status" data-testid="desk-note">
          {note}{' '}
          <button type="button" className="link" onClick={() => setNote(null)}>
            Dismiss
          </button>
        </p>
      )}
      {!data && mine.status === 'loading' && <Loading what="your inbox" />}
      {mine.status === 'error' && <ErrorState title="Your inbox could not be loaded" error={mine.error} onRetry={reloadMine} />}
      {data && (
        <div className="desk">
          <div className="desk-queue">
            <h2>My cases ({entries.length})</h2>
            {entries.length > 0 ? (
              <InboxList entries={entries} selectedId={shown?.caseId} />
            ) : (
              <p className="muted small">No open cases.</p>
            )}
            <h2>Queued for your teams</h2>
            {queued ? (
              <AvailableList
                items={queued.items}
                onClaimed={(caseId, message) => {
                  done(message);
                  if (caseId) navigate(`/inbox/${caseId}`);
                }}
              />
            ) : available.status === 'error' ? (
              <p className="muted small">The queue could not be loaded: {available.error.message}</p>
            ) : (
              <Loading what="the queue" />
            )}
          </div>
          <div className="desk-main">
            {shown ? (
              <InboxDetail key={shown.caseId} entry={shown} version={version} onDone={done} />
            ) : selectedId ? (
              <Empty title="This case is no longer in your inbox">It was resolved or handed to someone else.</Empty>
            ) : (
              <Empty title="Nothing to do">New cases appear here when they are routed to you; you can also claim queued work.</Empty>
            )}
          </div>
        </div>
      )}
    </main>
  );
}
