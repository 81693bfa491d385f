import { Link } from '../../app/router';
import { Countdown } from '../../ui/Countdown';
import type { ApprovalItem } from './approvalsApi';

/** The role's queue, soonest due first; the selected item is marked for screen readers too. */
export function ApprovalQueue({ items, selectedId }: { items: ApprovalItem[]; selectedId?: string }) {
  return (
    <ul className="queue" aria-label="Pending approvals" data-testid="approval-queue">
      {items.map((a) => (
        <li key={a.id} className={a.id === selectedId ? 'is-selected' : undefined} data-testid={`approval-${a.id}`}>
          <Link to={`/approvals/${a.id}`} aria-current={a.id === selectedId ? 'true' : undefined} className="queue-link">
            <span className="queue-top">
              <span className="strong">{a.customer?.name ?? 'Unknown customer'}</span>
              <span className="channel-tag">{a.channel}</span>
              <Countdown dueAt={a.sla.dueAt} since={a.createdAt} />
            </span>
            <span className="queue-excerpt">{a.message.text}</span>
            {a.assignedTo && (
              <span className="muted small">
                for {a.assignedTo.name ?? a.assignedTo.email}
                {a.assignedTo.backup ? ' (backup)' : ''}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}
