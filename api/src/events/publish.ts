import type { LiveEvent, LiveEventType } from '@firebreak/engine';
import { logger } from '../observability/log';

/** The PostgreSQL NOTIFY channel that carries live events from every process to every api. */
export const EVENTS_CHANNEL = 'firebreak_events';
/** NOTIFY refuses payloads of 8000 bytes or more; the id and a space go in front of the JSON. */
export const MAX_PAYLOAD_BYTES = 7900;

/** Anything that runs SQL: a DataSource, or an EntityManager inside a transaction (then the event leaves at commit). */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export type NewLiveEvent = Omit<LiveEvent, 'at' | 'type'> & { type: LiveEventType; at?: string };

/**
 * Tell every api process (and so every open /api/events stream) that something happened.
 * The id comes from one database sequence, so it is the same in every process and a
 * reconnecting client resumes from it on any of them. Delivery is at most once: a live
 * view, not a ledger (the tables are the record); a failure to publish is logged and never
 * fails the work that caused the event.
 */
export async function publishEvent(db: Queryable, event: NewLiveEvent): Promise<void> {
  const payload = fit({ ...event, at: event.at ?? new Date().toISOString() } as LiveEvent);
  try {
    await db.query(`SELECT pg_notify($1, nextval('live_event_id')::text || ' ' || $2)`, [EVENTS_CHANNEL, payload]);
    logger.debug({ event: event.type, interactionId: event.interactionId, workflowId: event.workflowId }, 'live event published');
  } catch (e) {
    logger.warn({ err: e, event: event.type, interactionId: event.interactionId }, 'live event could not be published');
  }
}

/** The event as JSON under NOTIFY's limit: an oversized one keeps its identity and says it was cut. */
export function fit(event: LiveEvent): string {
  const json = JSON.stringify(event);
  if (Buffer.byteLength(json) <= MAX_PAYLOAD_BYTES) return json;
  const { type, at, interactionId, workflowId, nodeId } = event;
  return JSON.stringify({ type, at, interactionId, workflowId, nodeId, truncated: true });
}
