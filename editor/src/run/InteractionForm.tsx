import { useId } from 'react';
import { CHANNELS, type Channel, type Visibility } from '@firebreak/engine';
import type { TestInteraction } from './interaction';

const CHANNEL_OPTIONS: Record<Channel, string> = {
  x: 'X (Twitter)',
  facebook: 'Facebook',
  instagram: 'Instagram',
  email: 'E-mail',
  chat: 'Chat',
};

/** datetime-local works in local time without a zone; the run keeps ISO instants. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** The interaction a test run starts with: the message, who wrote it, where and when. */
export function InteractionForm({
  value,
  onChange,
  crisisTopics,
  accounts,
}: {
  value: TestInteraction;
  onChange: (next: TestInteraction) => void;
  /** The playbook's crisis topics, offered when the manager says a crisis is declared. */
  crisisTopics: string[];
  /** The brand accounts the start node takes (empty: any), offered for "To account". */
  accounts: string[];
}) {
  const id = useId();
  const set = (patch: Partial<TestInteraction>) => onChange({ ...value, ...patch });
  const setAuthor = (patch: Partial<TestInteraction['author']>) => set({ author: { ...value.author, ...patch } });

  return (
    <fieldset className="run-form" data-testid="run-interaction">
      <legend>The message</legend>
      <label htmlFor={`${id}-text`}>Text</label>
      <textarea
        id={`${id}-text`}
        data-testid="run-text"
        rows={3}
        value={value.text}
        placeholder="@brand the 20% discount link is broken…"
        onChange={(e) => set({ text: e.target.value, source: value.source.kind === 'typed' ? value.source : { kind: 'typed' } })}
      />
      <div className="run-grid">
        <label>
          Channel
          <select data-testid="run-channel" value={value.channel} onChange={(e) => set({ channel: e.target.value as Channel })}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_OPTIONS[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          Visibility
          <select data-testid="run-visibility" value={value.visibility} onChange={(e) => set({ visibility: e.target.value as Visibility })}>
            <option value="public">Public post</option>
            <option value="private">Private message</option>
          </select>
        </label>
        <label>
          To account
          <input
            data-testid="run-account"
            list={`${id}-accounts`}
            value={value.account ?? ''}
            placeholder={accounts.length ? 'one the start node lists' : 'any'}
            onChange={(e) => set({ account: e.target.value })}
          />
          <datalist id={`${id}-accounts`}>
            {accounts.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </label>
        <label>
          Name
          <input value={value.author.name} onChange={(e) => setAuthor({ name: e.target.value })} />
        </label>
        <label>
          Handle
          <input value={value.author.handle} onChange={(e) => setAuthor({ handle: e.target.value })} />
        </label>
        <label>
          Followers
          <input
            data-testid="run-followers"
            type="number"
            min={0}
            value={value.author.followers}
            onChange={(e) => setAuthor({ followers: Math.max(0, Number(e.target.value) || 0) })}
          />
        </label>
        <label>
          Customer tier
          <input
            data-testid="run-tier"
            value={value.author.tier}
            placeholder="e.g. gold"
            onChange={(e) => setAuthor({ tier: e.target.value })}
          />
        </label>
        <label className="run-check">
          <input type="checkbox" checked={value.author.verified} onChange={(e) => setAuthor({ verified: e.target.checked })} />
          Verified account
        </label>
        <label>
          Arrives at
          <input
            type="datetime-local"
            value={toLocalInput(value.receivedAt)}
            onChange={(e) => {
              const d = new Date(e.target.value);
              if (!Number.isNaN(d.getTime())) set({ receivedAt: d.toISOString() });
            }}
          />
        </label>
      </div>
      <label className="run-check">
        <input
          type="checkbox"
          data-testid="run-crisis"
          checked={value.crisis.active}
          onChange={(e) =>
            set({
              crisis: {
                active: e.target.checked,
                topics: e.target.checked && !value.crisis.topics.length ? crisisTopics : value.crisis.topics,
              },
            })
          }
        />
        A crisis is declared when it arrives
      </label>
      {value.crisis.active && (
        <label>
          Crisis topics (comma-separated)
          <input
            value={value.crisis.topics.join(', ')}
            onChange={(e) =>
              set({
                crisis: {
                  active: true,
                  topics: e.target.value
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean),
                },
              })
            }
          />
        </label>
      )}
      <label htmlFor={`${id}-replies`}>The customer&apos;s next messages (one a line, for nodes that wait for a reply)</label>
      <textarea
        id={`${id}-replies`}
        rows={2}
        value={value.replies.join('\n')}
        onChange={(e) => set({ replies: e.target.value.split('\n').filter((l, i, all) => l.trim() || i === all.length - 1) })}
      />
    </fieldset>
  );
}
