import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import type { DeliveredLiveEvent, LiveEvent } from '@firebreak/engine';
import { required } from '../config';
import { logger } from '../observability/log';
import { liveEventsRelayed, liveSubscribers } from '../observability/prometheus';
import { EVENTS_CHANNEL } from './publish';

/** What a stream is handed: an event, or word that events may have been missed (the listener lost its connection). */
export type HubMessage = { kind: 'event'; event: DeliveredLiveEvent } | { kind: 'gap' };
export type Subscriber = (m: HubMessage) => void;

const REPLAY_SIZE = Number(process.env.FIREBREAK_EVENTS_REPLAY ?? 1000);
const MAX_BACKOFF_MS = 30_000;

/**
 * The api process's one listening connection to PostgreSQL (LISTEN firebreak_events), fanned
 * out to every open /api/events stream, with the last REPLAY_SIZE events kept so that a
 * reconnecting client can resume from its Last-Event-ID. Every api process listens, so
 * every one has the same events in the same (commit) order. A lost connection is retried
 * with backoff, and the streams are told there may be a gap.
 */
@Injectable()
export class EventHub implements OnModuleInit, OnModuleDestroy {
  private client?: Client;
  private readonly buffer: DeliveredLiveEvent[] = [];
  private readonly subscribers = new Set<Subscriber>();
  private closed = false;
  private backoffMs = 500;
  private retry?: NodeJS.Timeout;

  async onModuleInit() {
    await this.connect();
  }

  async onModuleDestroy() {
    this.closed = true;
    clearTimeout(this.retry);
    // Streams end first, or the HTTP server would wait for them forever on shutdown.
    for (const s of [...this.subscribers]) s({ kind: 'gap' });
    this.subscribers.clear();
    liveSubscribers.set(0);
    await this.client?.end().catch(() => undefined);
  }

  subscribe(s: Subscriber): () => void {
    this.subscribers.add(s);
    liveSubscribers.set(this.subscribers.size);
    return () => {
      this.subscribers.delete(s);
      liveSubscribers.set(this.subscribers.size);
    };
  }

  get isClosed() {
    return this.closed;
  }

  /**
   * The buffered events after `lastEventId`, in delivery order. `complete` is false when
   * events after that id are no longer (or were never) in this process's buffer, so the
   * client should reload what it shows.
   */
  async since(lastEventId: string): Promise<{ events: DeliveredLiveEvent[]; complete: boolean }> {
    const at = this.buffer.findIndex((e) => e.id === lastEventId);
    if (at >= 0) return { events: this.buffer.slice(at + 1), complete: true };
    const last = Number(lastEventId);
    if (!Number.isSafeInteger(last)) return { events: [...this.buffer], complete: false };
    const events = this.buffer.filter((e) => Number(e.id) > last);
    if (this.buffer.length) return { events, complete: last >= Number(this.buffer[0].id) - 1 };
    // Nothing buffered (this process started after that event): complete if nothing was published since.
    const rows = await this.client
      ?.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM live_event_id`)
      .catch(() => undefined);
    const newest = rows?.rows[0] ? Number(rows.rows[0].last_value) - (rows.rows[0].is_called ? 0 : 1) : Infinity;
    return { events, complete: newest <= last };
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({ connectionString: required('databaseUrl'), application_name: 'firebreak-events' });
    client.on('notification', (n) => n.channel === EVENTS_CHANNEL && n.payload && this.receive(n.payload));
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.client = client;
      this.backoffMs = 500;
      logger.info({ channel: EVENTS_CHANNEL }, 'listening for live events');
    } catch (e) {
      this.lost(client, e as Error);
    }
  }

  private lost(client: Client, error?: Error) {
    if (this.closed || (this.client && this.client !== client)) return;
    if (this.client === client) this.client = undefined;
    else if (this.retry) return; // already scheduled for this failed attempt
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    logger.warn({ err: error, retryInMs: this.backoffMs }, 'live events connection lost; reconnecting');
    for (const s of this.subscribers) s({ kind: 'gap' });
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private receive(payload: string) {
    const space = payload.indexOf(' ');
    let event: DeliveredLiveEvent;
    try {
      event = { ...(JSON.parse(payload.slice(space + 1)) as LiveEvent), id: payload.slice(0, space) };
    } catch (e) {
      logger.warn({ err: e }, 'a live event could not be read');
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length > REPLAY_SIZE) this.buffer.splice(0, this.buffer.length - REPLAY_SIZE);
    liveEventsRelayed.inc({ type: event.type });
    for (const s of this.subscribers) s({ kind: 'event', event });
  }
}
