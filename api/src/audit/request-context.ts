import { AsyncLocalStorage } from 'async_hooks';
import type { Request } from 'express';
import type { AuthUser } from '../auth/roles';
import type { EntityChange } from './audit.entity';

/** What one mutating request has done so far; the entity subscriber adds its changes here. */
export interface AuditRequestContext {
  changes: EntityChange[];
}

export const auditContext = new AsyncLocalStorage<AuditRequestContext>();

/** Who made the request: the signed-in user's e-mail (or `token:<name>` for an API token), else anonymous. */
export function actorOf(request: Request): string {
  return (request as Request & { user?: AuthUser }).user?.email ?? 'anonymous';
}

const SECRET_KEY = /password|token|secret/i;

/** A copy of a body with every password / token / secret field replaced, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEY.test(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/**
 * Routes that carry third-party payloads (webhooks, message ingest): the log keeps only the
 * payload's ids, not the customer's text.
 */
const PAYLOAD_ID_ONLY = [/^\/api\/webhooks\//, /^\/api\/interactions$/];

export function auditedBody(route: string, body: unknown): unknown {
  if (body === undefined || body === null) return null;
  if (!PAYLOAD_ID_ONLY.some((r) => r.test(route))) return redact(body);
  const b = body as Record<string, unknown>;
  const kept: Record<string, unknown> = {};
  for (const k of ['id', 'externalId', 'channel', 'inReplyTo']) if (b[k] !== undefined) kept[k] = b[k];
  const nested = nestedIds(body, 0, []);
  if (nested.length > 0 && Object.keys(kept).length === 0) kept.ids = nested;
  return kept;
}

const ID_KEY = /^(id|id_str|mid)$|_id$/;

/** The ids inside a platform's event envelope (X's tweet_create_events, Meta's entry[].messaging[]…), at most 50. */
function nestedIds(value: unknown, depth: number, out: string[]): string[] {
  if (depth > 5 || out.length >= 50 || !value || typeof value !== 'object') return out;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (ID_KEY.test(k) && (typeof v === 'string' || typeof v === 'number') && !out.includes(String(v))) out.push(String(v));
    else nestedIds(v, depth + 1, out);
    if (out.length >= 50) break;
  }
  return out;
}
