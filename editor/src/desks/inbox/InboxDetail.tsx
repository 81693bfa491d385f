import { Thread } from '../Thread';
import { CustomerCard } from '../CustomerCard';
import { useAsync } from '../../ui/useAsync';
import { useLastReady } from '../../ui/useLastReady';
import { formatDateTime } from '../../ui/format';
import type { ThreadEntry } from '@firebreak/engine';
import { CompleteForm } from './CompleteForm';
import { Composer } from './Composer';
import { inboxApi, type InboxEntry } from './inboxApi';
import { NextStepCard } from './NextStepCard';

/** One case: what the playbook asks next, the reply composer, completing the task, and the conversation. */
export function InboxDetail({ entry, version, onDone }: { entry: InboxEntry; version: number; onDone: (note: string) => void }) {
  const [messages] = useAsync((signal) => inboxApi.caseMessages(entry.caseId, signal), [entry.caseId, version]);
  const shown = useLastReady(messages);
  const thread: ThreadEntry[] = (shown?.interactions ?? []).map((m) => ({
    direction: 'inbound',
    interactionId: m.id,
    channel: m.channel,
    visibility: m.visibility,
    text: m.text,
    at: m.receivedAt,
    author: m.author,
  }));
  const name = entry.customer?.name ?? (entry.customer?.handle ? `@${entry.customer.handle}` : 'a customer');
  return (
    <article className="desk-detail" aria-labelledby="case-title" data-testid="inbox-detail">
      <header className="desk-detail-header">
        <h2 id="case-title">Case of {name}</h2>
        <span className="muted small">
          opened {formatDateTime(entry.openedAt)}
          {entry.team && ` · ${entry.team}`}
        </span>
      </header>
      {entry.nextStep ? (
        <NextStepCard key={entry.nextStep.taskId} step={entry.nextStep} />
      ) : (
        <p className="muted">No task from the playbook right now: answer the customer, or wait for their reply.</p>
      )}
      <div className="inbox-columns">
        <div className="case-context-side">
          {entry.itemId && <Composer key={entry.itemId} itemId={entry.itemId} onSent={onDone} />}
          {entry.nextStep && entry.nextStep.outcomes.length > 0 && (
            <CompleteForm key={entry.nextStep.taskId} step={entry.nextStep} onCompleted={onDone} />
          )}
        </div>
        <div className="case-context-side">
          <section aria-labelledby="case-customer">
            <h3 id="case-customer">Customer</h3>
            <CustomerCard customer={entry.customer} />
          </section>
          <section aria-labelledby="case-todo">
            <h3 id="case-todo">To do</h3>
            {entry.todo.length === 0 ? (
              <p className="muted small">Nothing left on this case.</p>
            ) : (
              <ul className="small" data-testid="case-todo">
                {entry.todo.map((t, i) => (
                  <li key={`${t.type}-${t.workItemId ?? t.interactionId}-${i}`}>
                    <span className="strong">{t.type}</span>: {t.summary}
                    {t.newRequest && <span className="pill-small">new request</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </div>
      <section aria-labelledby="case-thread">
        <h3 id="case-thread">Customer’s messages</h3>
        <Thread entries={thread} highlight={entry.lastMessage?.interactionId} />
      </section>
    </article>
  );
}
