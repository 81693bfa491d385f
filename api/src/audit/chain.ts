import { createHash } from 'crypto';
import type { EntityChange } from './audit.entity';

/** The fields a row's hash covers: everything but its position and the hashes themselves. */
export interface AuditFields {
  at: Date;
  actor: string;
  action: string;
  method: string | null;
  route: string | null;
  resourceType: string | null;
  resourceId: string | null;
  status: number | null;
  ip: string | null;
  body: unknown;
  changes: EntityChange[] | null;
}

export const GENESIS = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level, so a row hashes the same after a round trip
 * through jsonb (which reorders keys) as when it was written.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** hash = sha256(prev_hash || canonical JSON of the row). */
export function chainHash(prevHash: string, f: AuditFields): string {
  const row = {
    at: f.at,
    actor: f.actor,
    action: f.action,
    method: f.method,
    route: f.route,
    resourceType: f.resourceType,
    resourceId: f.resourceId,
    status: f.status,
    ip: f.ip,
    body: f.body ?? null,
    changes: f.changes ?? null,
  };
  return createHash('sha256')
    .update(prevHash + canonicalJson(row))
    .digest('hex');
}
