import { Link } from '../../app/router';
import { Countdown } from '../../ui/Countdown';
import type { InboxEntry } from './inboxApi';

/** The agent's cases, the one waiting longest first, each with its next step in a line. */
export function InboxList({ entries, selectedId }: { entries: InboxEntry[]; selectedId?: string }) {
  return (
    <ul className="queue" aria-label="My cases" data-testid="inbox-list">
      {entries.map((e) => (
        <li key={e.caseId} className={e.caseId === selectedId ? 'is-selected' : undefined} data-testid={`inbox-case-${e.caseId}`}>
          <Link to={`/inbox/${e.caseId}`} className="queue-link" aria-current={e.caseId === selectedId ? 'true' : undefined}>
            <span className="queue-top">
              <span className="strong">{e.customer?.name ?? (e.customer?.handle ? `@${e.customer.handle}` : 'Unknown customer')}</span>
              {e.lastMessage && <span className="channel-tag">{e.lastMessage.channel}</span>}
              {e.sla.dueAt && <Countdown dueAt={e.sla.dueAt} />}
            </span>
            <span className="queue-excerpt">{e.nextStep ? `Next: ${e.nextStep.prompt}` : (e.lastMessage?.text ?? 'Nothing waiting')}</span>
            <span className="muted small">
              {e.todo.length} to do{e.team ? ` · ${e.team}` : ''}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
