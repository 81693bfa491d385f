import { FormEvent, useState } from 'react';
import { useAsync } from '../../ui/useAsync';
import { inboxApi } from './inboxApi';

const newClientId = () =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

/**
 * Suggested replies (the task's templates first, then the best knowledge-base articles),
 * each rendered for this case, into a composer the agent edits and sends.
 */
export function Composer({ itemId, onSent }: { itemId: string; onSent: (note: string) => void }) {
  const [suggestions] = useAsync((signal) => inboxApi.suggestions(itemId, signal), [itemId]);
  const [text, setText] = useState('');
  // One id per reply being written: a retried send of the same reply is a no-op on the server.
  const [clientId, setClientId] = useState(newClientId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function send(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const sent = await inboxApi.reply(itemId, text.trim(), clientId);
      setText('');
      setClientId(newClientId());
      onSent(`Reply sent (${sent.status}).`);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const offered =
    suggestions.status === 'ready'
      ? [
          ...suggestions.data.templates
            .filter((t) => t.text)
            .sort((a, b) => Number(b.suggested) - Number(a.suggested))
            .slice(0, 6)
            .map((t) => ({ key: `t-${t.name}`, title: t.name, kind: t.suggested ? 'suggested template' : 'template', text: t.text! })),
          ...suggestions.data.articles
            .filter((a) => a.text)
            .map((a) => ({ key: `a-${a.id}`, title: a.title, kind: 'article', text: a.text! })),
        ]
      : [];

  return (
    <form className="composer" onSubmit={send} aria-label="Reply to the customer" data-testid="composer">
      <h3>Reply</h3>
      {suggestions.status === 'loading' && <p className="muted small">Finding suggested replies…</p>}
      {suggestions.status === 'error' && <p className="muted small">No suggestions: {suggestions.error.message}</p>}
      {offered.length > 0 && (
        <ul className="suggestions" aria-label="Suggested replies" data-testid="suggestions">
          {offered.map((s) => (
            <li key={s.key}>
              <button type="button" onClick={() => setText(s.text)} title="Put this reply into the composer">
                <span className="strong">{s.title}</span> <span className="muted small">{s.kind}</span>
                <span className="suggestion-text">{s.text}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <label htmlFor="reply-text" className="field-label">
        Your reply
      </label>
      <textarea id="reply-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} disabled={busy} data-testid="reply-text" />
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="button" disabled={busy || !text.trim()} data-testid="send-reply">
          {busy ? 'Sending…' : 'Send reply'}
        </button>
      </div>
    </form>
  );
}
