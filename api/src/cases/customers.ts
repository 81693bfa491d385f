import type { Author } from '@firebreak/engine';
import { EntityManager } from 'typeorm';
import type { CustomerProfile } from './entities';
import type { Identity } from './identities';

/**
 * Customers and their identities inside the arrival transaction. Arrivals that share an
 * identity are serialised by an advisory lock per identity; customer rows are locked in
 * id order, so two arrivals merging overlapping customers cannot deadlock each other.
 */
export async function lockIdentities(tx: EntityManager, ids: Identity[]): Promise<void> {
  for (const key of [...new Set(ids.map((i) => `${i.kind}:${i.value}`))].sort()) {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 42))`, [key]);
  }
}

/** The customers that own any of these identities, each followed to the record it was merged into. */
export async function ownersOf(tx: EntityManager, ids: Identity[]): Promise<Array<{ id: string; createdAt: Date }>> {
  const rows = await tx.query(
    `SELECT DISTINCT customer_id FROM customer_identities WHERE (kind, value) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
    [ids.map((i) => i.kind), ids.map((i) => i.value)],
  );
  let pending: string[] = rows.map((r: { customer_id: string }) => r.customer_id);
  const owners = new Map<string, Date>();
  // A concurrent merge may have moved a customer on after we read its identity: follow it.
  while (pending.length) {
    const locked = await tx.query(`SELECT id, merged_into, created_at FROM customers WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [pending]);
    pending = [];
    for (const c of locked) {
      if (c.merged_into) pending.push(c.merged_into);
      else owners.set(c.id, new Date(c.created_at));
    }
    pending = pending.filter((id) => !owners.has(id));
  }
  return [...owners]
    .map(([id, createdAt]) => ({ id, createdAt }))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

export async function createCustomer(tx: EntityManager, author: Author, channel: string, at: Date): Promise<string> {
  const profile = freshProfile({}, author, channel, at);
  const [row] = await tx.query(`INSERT INTO customers (name, handle, profile) VALUES ($1, $2, $3) RETURNING id`, [
    profile.name ?? null,
    profile.handle ?? null,
    JSON.stringify(profile),
  ]);
  return row.id;
}

export async function addIdentities(tx: EntityManager, customerId: string, ids: Identity[], interactionId: string): Promise<void> {
  for (const i of ids) {
    await tx.query(
      `INSERT INTO customer_identities (customer_id, kind, value, source, interaction_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (kind, value) DO NOTHING`,
      [customerId, i.kind, i.value, i.source, interactionId],
    );
  }
}

export async function refreshProfile(tx: EntityManager, customerId: string, author: Author, channel: string, at: Date): Promise<void> {
  const [row] = await tx.query(`SELECT profile FROM customers WHERE id = $1`, [customerId]);
  const profile = freshProfile(row.profile ?? {}, author, channel, at);
  await tx.query(`UPDATE customers SET name = $2, handle = $3, profile = $4, updated_at = now() WHERE id = $1`, [
    customerId,
    profile.name ?? null,
    profile.handle ?? null,
    JSON.stringify(profile),
  ]);
}

/**
 * Two records are one person: identities, cases and interactions move to the survivor.
 * Two open cases become one (the merged one points at the survivor's), so the person has
 * one to-do list and, for sticky routing, one agent. An arrival merges `via` the identity
 * its message shared; a person merging by hand (`by`) needs none.
 */
export async function mergeCustomers(
  tx: EntityManager,
  survivorId: string,
  mergedId: string,
  via: Identity | null,
  interactionId: string | null,
  by: string | null = null,
): Promise<void> {
  await tx.query(`UPDATE customer_identities SET customer_id = $1 WHERE customer_id = $2`, [survivorId, mergedId]);
  const open = await tx.query(
    `SELECT id, customer_id, agent_id, team, opened_at FROM cases WHERE customer_id IN ($1, $2) AND status = 'open' FOR UPDATE`,
    [survivorId, mergedId],
  );
  const kept = open.find((c: { customer_id: string }) => c.customer_id === survivorId);
  const gone = open.find((c: { customer_id: string }) => c.customer_id === mergedId);
  if (kept && gone) {
    await tx.query(`UPDATE interactions SET case_id = $1 WHERE case_id = $2`, [kept.id, gone.id]);
    await tx.query(`UPDATE assignments SET case_id = $1 WHERE case_id = $2`, [kept.id, gone.id]);
    await tx.query(`UPDATE cases SET status = 'merged', merged_into = $1, closed_at = now(), resolution = 'merged' WHERE id = $2`, [
      kept.id,
      gone.id,
    ]);
    await tx.query(
      `UPDATE cases SET agent_id = coalesce(agent_id, $2), team = coalesce(team, $3), opened_at = least(opened_at, $4), last_activity_at = now() WHERE id = $1`,
      [kept.id, gone.agent_id, gone.team, gone.opened_at],
    );
  }
  await tx.query(`UPDATE cases SET customer_id = $1 WHERE customer_id = $2`, [survivorId, mergedId]);
  await tx.query(`UPDATE interactions SET customer_id = $1 WHERE customer_id = $2`, [survivorId, mergedId]);
  const [s, m] = [await profileOf(tx, survivorId), await profileOf(tx, mergedId)];
  const merged = mergeProfiles(s, m);
  await tx.query(`UPDATE customers SET profile = $2, name = $3, handle = $4, updated_at = now() WHERE id = $1`, [
    survivorId,
    JSON.stringify(merged),
    merged.name ?? null,
    merged.handle ?? null,
  ]);
  await tx.query(`UPDATE customers SET merged_into = $1, updated_at = now() WHERE id = $2`, [survivorId, mergedId]);
  await tx.query(
    `INSERT INTO customer_merges (survivor_id, merged_id, identity_kind, identity_value, interaction_id, merged_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [survivorId, mergedId, via?.kind ?? null, via?.value ?? null, interactionId, by],
  );
}

async function profileOf(tx: EntityManager, id: string): Promise<CustomerProfile> {
  return (await tx.query(`SELECT profile FROM customers WHERE id = $1`, [id]))[0]?.profile ?? {};
}

/** The newest author data wins; reach is the largest any channel shows; tags accumulate. */
export function freshProfile(p: CustomerProfile, author: Author, channel: string, at: Date): CustomerProfile {
  const channels = {
    ...p.channels,
    [channel]: {
      handle: author.handle,
      name: author.name,
      followers: author.followers,
      verified: author.verified,
      seenAt: at.toISOString(),
    },
  };
  return summarise({
    ...p,
    name: author.name || p.name,
    handle: author.handle || p.handle,
    tier: author.tier || p.tier,
    tags: [...new Set([...(p.tags ?? []), ...(author.tags ?? [])])],
    channels,
  });
}

export function mergeProfiles(survivor: CustomerProfile, merged: CustomerProfile): CustomerProfile {
  const channels = { ...merged.channels };
  for (const [ch, v] of Object.entries(survivor.channels ?? {})) if (!channels[ch] || channels[ch].seenAt < v.seenAt) channels[ch] = v;
  return summarise({
    name: survivor.name || merged.name,
    handle: survivor.handle || merged.handle,
    tier: survivor.tier || merged.tier,
    tags: [...new Set([...(survivor.tags ?? []), ...(merged.tags ?? [])])],
    // Both records' notes are kept: what the team knew about either is still true of the person.
    notes: [survivor.notes, merged.notes].filter((n) => n?.trim()).join('\n\n') || undefined,
    channels,
  });
}

function summarise(p: CustomerProfile): CustomerProfile {
  const seen = Object.values(p.channels ?? {});
  const followers = Math.max(0, ...seen.map((c) => c.followers ?? 0));
  return { ...p, followers, verified: seen.some((c) => c.verified) };
}
