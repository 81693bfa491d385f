/**
 * Firebreak as a load target: POST /api/interactions (generic JSON, channel X, not pinned
 * to a playbook), finished when Postgres holds its routing decision (a `work_items` row of
 * kind `assignment`) — or, for messages the playbook never routes (noise, crisis holding),
 * when the run ended. The finish instant is Postgres's own timestamp of that row.
 */
import { Client } from 'pg';
import type { Target } from './engine-load';

export interface BenchMessage {
  text: string;
  author: { id: string; handle: string; name: string; followers: number; verified?: boolean };
}

export class FirebreakTarget implements Target {
  name = 'firebreak';
  /** Read-only polls this target ran, so Postgres counters can leave them out. */
  polls = 0;
  private cursor = 0;

  constructor(
    private readonly url: string,
    /** An integration's credential: posting interactions is signed-in like every api call. */
    private readonly token: string,
    private readonly db: Client,
    private readonly messages: readonly BenchMessage[],
    private readonly expectVersionId?: string,
  ) {}

  async submit(key: string, seq: number): Promise<void> {
    const m = this.messages[seq % this.messages.length];
    const res = await fetch(`${this.url}/api/interactions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}` },
      body: JSON.stringify({ channel: 'x', externalId: key, author: m.author, text: m.text, visibility: 'public' }),
    });
    const body = (await res.json().catch(() => ({}))) as { playbookVersionId?: string; message?: unknown };
    if (res.status !== 202) throw new Error(`POST /api/interactions → ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    if (this.expectVersionId && body.playbookVersionId !== this.expectVersionId) {
      throw new Error(`interaction ${key} runs on version ${body.playbookVersionId}, not the bench's ${this.expectVersionId}`);
    }
  }

  /**
   * Routing decisions and ended runs recorded since the last poll. Neither table has an
   * index on time, so this is a scan of two small tables; the window overlaps the
   * previous one by 10 s because a row's timestamp is its transaction's start, and a
   * transaction that started earlier may commit later.
   */
  async poll() {
    this.polls++;
    const since = new Date(this.cursor - 10_000);
    const { rows } = await this.db.query<{ key: string; at: number; outcome: string }>(
      `SELECT i.external_id AS key, (extract(epoch FROM w.created_at) * 1000)::float8 AS at, 'routed' AS outcome
         FROM work_items w JOIN interactions i ON i.id = w.interaction_id
        WHERE w.kind = 'assignment' AND w.created_at > $1
       UNION ALL
       SELECT external_id, (extract(epoch FROM updated_at) * 1000)::float8, 'ended: ' || status
         FROM interactions WHERE status IN ('completed', 'failed') AND updated_at > $1`,
      [since],
    );
    for (const r of rows) this.cursor = Math.max(this.cursor, r.at);
    // A routed run may end later too: its routing decision is what counts.
    rows.sort((a, b) => (a.outcome === 'routed' ? 0 : 1) - (b.outcome === 'routed' ? 0 : 1));
    return rows;
  }
}

/** Postgres's own counters for the firebreak database: transactions, row writes per table, WAL. */
export async function pgCounters(db: Client): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const d = await db.query(
    `SELECT xact_commit::float8 AS commits, tup_inserted::float8 AS inserted, tup_updated::float8 AS updated, tup_deleted::float8 AS deleted FROM pg_stat_database WHERE datname = current_database()`,
  );
  Object.assign(out, d.rows[0]);
  const wal = await db.query(`SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 AS wal`);
  out.walBytes = wal.rows[0].wal;
  const t = await db.query(`SELECT relname, n_tup_ins::float8 AS ins, n_tup_upd::float8 AS upd FROM pg_stat_user_tables`);
  for (const r of t.rows) {
    out[`insert ${r.relname}`] = r.ins;
    out[`update ${r.relname}`] = r.upd;
  }
  return out;
}

/** Per unit of work, between two counter snapshots; zero rows left out. */
export function perUnit(before: Record<string, number>, after: Record<string, number>, units: number, minus: Record<string, number> = {}) {
  const out: Record<string, number> = {};
  for (const k of Object.keys(after)) {
    const v = (after[k] - (before[k] ?? 0) - (minus[k] ?? 0)) / Math.max(1, units);
    if (v) out[k] = Math.round(v * 100) / 100;
  }
  return out;
}

export async function waitForPgStats(): Promise<void> {
  // Backends flush their statistics at most once a second, and when idle.
  await new Promise((r) => setTimeout(r, 1500));
}
