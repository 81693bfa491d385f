import { formatDateTime } from '../ui/format';
import type { ThreadEntry } from '@firebreak/engine';

/** The case's conversation in order: the customer's messages and every reply, on every channel. */
export function Thread({ entries, highlight }: { entries: ThreadEntry[]; highlight?: string }) {
  if (entries.length === 0) return <p className="muted">No messages yet.</p>;
  return (
    <ol className="thread" aria-label="Conversation" data-testid="thread">
      {entries.map((e, i) => (
        <li
          key={`${e.interactionId}-${e.direction}-${i}`}
          className={`thread-msg ${e.direction}${e.direction === 'inbound' && e.interactionId === highlight ? ' is-current' : ''}`}
        >
          <div className="thread-meta">
            <span className="strong">
              {e.direction === 'inbound' ? e.author?.name || (e.author?.handle ? `@${e.author.handle}` : 'Customer') : 'Brand'}
            </span>
            <span className="channel-tag">
              {e.channel} · {e.visibility}
            </span>
            {e.direction === 'outbound' && e.status && <span className="muted small">{e.status}</span>}
            <time dateTime={e.at} className="muted small">
              {formatDateTime(e.at)}
            </time>
          </div>
          <p>{e.text}</p>
        </li>
      ))}
    </ol>
  );
}
