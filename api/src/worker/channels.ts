import { CHANNELS, type Author, type Channel } from '@firebreak/engine';
import { config } from '../config';
import { metaAdapter } from './adapters/meta';
import { xAdapter } from './adapters/x';

export interface OutgoingMessage {
  channel: Channel;
  visibility: 'public' | 'private';
  text: string;
  /** The channel's id of the message being answered. */
  inReplyTo: string;
  recipient: Author;
  /**
   * The outbox row's key, passed on to the channel: when the adapter's call went through
   * but its answer was lost (a crash, a timeout), the retry carries the same key and the
   * channel (or the adapter) must recognise it instead of posting a second time.
   */
  idempotencyKey: string;
}

export interface SendReceipt {
  /** The outbox status to record, e.g. "sent" or "sent (sandbox)". */
  status: string;
  /** The channel's id of the posted message. */
  externalMessageId?: string;
  /** Which adapter sent it, when one adapter routes to others. */
  adapter?: string;
}

/** How a reply leaves Firebreak. Real X and Meta adapters plug in here. Throwing means "try again later". */
export interface ChannelAdapter {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendReceipt>;
}

/** The channel refused the message for good (deleted post, blocked account): retrying cannot help. */
export class PermanentSendError extends Error {}

/** Anything that runs SQL (a DataSource): the sandbox channel keeps its record in Postgres. */
export interface Sql {
  query<T = unknown>(sql: string, params?: unknown[]): Promise<T>;
}

/**
 * The default: nothing leaves the machine. What would have been posted is kept in
 * `sandbox_messages`, once per idempotency key like a real channel API with idempotency
 * keys; a repeated call only counts `calls`.
 */
export function sandboxAdapter(db: Sql): ChannelAdapter {
  return {
    name: 'sandbox',
    async send(m) {
      await db.query(
        `INSERT INTO sandbox_messages (idempotency_key, channel, visibility, recipient, in_reply_to, text) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (idempotency_key) DO UPDATE SET calls = sandbox_messages.calls + 1, last_call_at = now()`,
        [m.idempotencyKey, m.channel, m.visibility, m.recipient.handle ?? m.recipient.id, m.inReplyTo, m.text],
      );
      return { status: 'sent (sandbox)', externalMessageId: `sandbox:${m.idempotencyKey}` };
    },
  };
}

/**
 * For rehearsing failure (tests, demos), named in FIREBREAK_CHANNEL_ADAPTERS:
 * - `flaky:N`: the first N calls for each message fail before reaching the channel;
 * - `lost-ack:N`: the first N calls reach the channel, then the answer is lost (the call throws);
 * - `rejecting`: the channel refuses every message for good;
 * - `slow:MS`: the channel takes MS milliseconds before it posts (to kill a worker mid-send).
 * Counts are per idempotency key and per worker process.
 */
function flakyAdapter(inner: ChannelAdapter, failures: number, mode: 'before' | 'after'): ChannelAdapter {
  const calls = new Map<string, number>();
  return {
    name: `${mode === 'before' ? 'flaky' : 'lost-ack'}:${failures}`,
    async send(m) {
      const n = (calls.get(m.idempotencyKey) ?? 0) + 1;
      calls.set(m.idempotencyKey, n);
      if (n <= failures && mode === 'before') throw new Error(`channel unavailable (flaky adapter, failure ${n} of ${failures})`);
      const receipt = await inner.send(m);
      if (n <= failures) throw new Error(`the channel's answer was lost (lost-ack adapter, failure ${n} of ${failures})`);
      return receipt;
    },
  };
}

const rejectingAdapter: ChannelAdapter = {
  name: 'rejecting',
  async send() {
    throw new PermanentSendError('the channel refused the message (rejecting adapter)');
  },
};

function slowAdapter(inner: ChannelAdapter, ms: number): ChannelAdapter {
  return {
    name: `slow:${ms}`,
    async send(m) {
      await new Promise((r) => setTimeout(r, ms));
      return inner.send(m);
    },
  };
}

/** A real channel's credential; missing, the worker stops at start rather than failing every send. */
function configured(value: string | undefined, variable: string, spec: string): string {
  if (!value) throw new Error(`channel adapter "${spec}" needs ${variable}`);
  return value;
}

/** Builds one adapter from its configured name. */
function adapterNamed(spec: string, db: Sql): ChannelAdapter {
  const [name, arg] = spec.split(':');
  const count = Number(arg ?? 1);
  const sandbox = sandboxAdapter(db);
  if (name === 'sandbox') return sandbox;
  if (name === 'rejecting') return rejectingAdapter;
  if (name === 'x') return xAdapter({ base: config.xApiBase, token: configured(config.xBearerToken, 'X_BEARER_TOKEN', spec) });
  if (name === 'meta')
    return metaAdapter({ base: config.metaGraphBase, token: configured(config.metaPageAccessToken, 'META_PAGE_ACCESS_TOKEN', spec) });
  if (name === 'slow' && Number.isInteger(count) && count >= 0) return slowAdapter(sandbox, count);
  if ((name === 'flaky' || name === 'lost-ack') && Number.isInteger(count) && count >= 0)
    return flakyAdapter(sandbox, count, name === 'flaky' ? 'before' : 'after');
  throw new Error(`unknown channel adapter "${spec}" (known: sandbox, x, meta, flaky:N, lost-ack:N, rejecting, slow:MS)`);
}

/**
 * The adapter for each channel, from FIREBREAK_CHANNEL_ADAPTERS: comma-separated
 * `channel=adapter` pairs, `*` for every other channel, e.g. `x=sandbox,chat=flaky:2`.
 * Unset means the sandbox everywhere. A typo stops the worker at start, not at send time.
 */
export function channelAdaptersFromConfig(db: Sql, spec = process.env.FIREBREAK_CHANNEL_ADAPTERS ?? ''): ChannelAdapter {
  const byChannel = new Map<string, ChannelAdapter>();
  for (const pair of spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [channel, name] = pair.split('=').map((s) => s.trim());
    if (!channel || !name) throw new Error(`FIREBREAK_CHANNEL_ADAPTERS: "${pair}" should read channel=adapter`);
    if (channel !== '*' && !CHANNELS.includes(channel as Channel))
      throw new Error(`FIREBREAK_CHANNEL_ADAPTERS: unknown channel "${channel}" (${CHANNELS.join(', ')} or *)`);
    byChannel.set(channel, adapterNamed(name, db));
  }
  const fallback = byChannel.get('*') ?? sandboxAdapter(db);
  return {
    name: 'by-channel',
    async send(m) {
      const adapter = byChannel.get(m.channel) ?? fallback;
      return { adapter: adapter.name, ...(await adapter.send(m)) };
    },
  };
}
