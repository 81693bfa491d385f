import type { Client } from 'pg';
import { api, eventually } from './http';

/**
 * Helpers for the approvals desk, inbox and role journey tests: a team of the test's own
 * (so routing is deterministic while other files use the demo teams), what reached the
 * customer, and an on-duty roster that does not depend on the hour in London.
 */
export async function teamWith(db: Client, key: string, agentEmails: string[]): Promise<void> {
  await db.query(`INSERT INTO teams (key, name) VALUES ($1, $1) ON CONFLICT (key) DO NOTHING`, [key]);
  for (const email of agentEmails) {
    await db.query(
      `INSERT INTO agent_teams (agent_id, team_id) SELECT a.id, t.id FROM agents a, teams t WHERE a.email = $1 AND t.key = $2 ON CONFLICT DO NOTHING`,
      [email, key],
    );
  }
}

/** A routing agent for a user (matched by e-mail), in the given teams. */
export async function agentFor(db: Client, email: string, name: string, teams: string[], capacity = 5): Promise<void> {
  await db.query(
    `INSERT INTO agents (name, email, skills, languages, channels, capacity) VALUES ($1, $2, '{}', '{}', '{}', $3)
     ON CONFLICT (email) DO UPDATE SET capacity = EXCLUDED.capacity, available = true`,
    [name, email, capacity],
  );
  for (const t of teams) await teamWith(db, t, [email]);
}

/** What the sandbox channel posted for an interaction's replies (what the customer received). */
export async function received(db: Client, interactionId: string): Promise<string[]> {
  const rows = await db.query(
    `SELECT s.text FROM sandbox_messages s JOIN outbox o ON o.idempotency_key = s.idempotency_key WHERE o.interaction_id = $1 ORDER BY o.created_at`,
    [interactionId],
  );
  return rows.rows.map((r) => r.text);
}

/**
 * Every approver on duty around the clock (the demo roster follows London office hours), so
 * the first approver is always rank 1; returns the restore for afterAll.
 */
export async function rosterAlwaysOn(db: Client): Promise<() => Promise<void>> {
  const saved = (await db.query(`SELECT id, schedule FROM duty_roster`)).rows;
  await db.query(`UPDATE duty_roster SET schedule = NULL`);
  return async () => {
    for (const r of saved) await db.query(`UPDATE duty_roster SET schedule = $2 WHERE id = $1`, [r.id, r.schedule]);
  };
}

/** The approval item of an interaction once it is in the queue (as `as` sees it). */
export function approvalOf(interactionId: string, as: string, status = 'pending'): Promise<any> {
  return eventually(
    async () => {
      const r = await api('GET', `/api/approvals?status=${status}`, undefined, { as });
      return r.body.items?.find((i: any) => i.interactionId === interactionId);
    },
    60_000,
    `the ${status} approval of ${interactionId} for ${as}`,
  );
}

/** The inbox entry of a case (as `as` sees the inbox, optionally `?agent=`). */
export function inboxEntry(caseOf: (e: any) => boolean, as: string, agent?: string): Promise<any> {
  return eventually(
    async () => {
      const r = await api('GET', `/api/inbox${agent ? `?agent=${encodeURIComponent(agent)}` : ''}`, undefined, { as });
      return r.body.items?.find(caseOf);
    },
    60_000,
    `an inbox entry for ${as}`,
  );
}
