import type { Author } from '@firebreak/engine';
import { EntityManager } from 'typeorm';
import { addIdentities, createCustomer, lockIdentities, mergeCustomers, ownersOf, refreshProfile } from './customers';
import { channelIdentity, Identity, revealedIdentities } from './identities';
import { pendingCount } from './todo';

export interface Arrival {
  interactionId: string;
  channel: string;
  author: Author;
  text: string;
  receivedAt: Date;
}

export interface ArrivalLink {
  customerId: string;
  caseId: string;
  newCase: boolean;
  /** Arrived while earlier items of the same open case were pending. */
  newRequest: boolean;
  /** Customers found to be this same person and merged into `customerId`. */
  merged: string[];
  /** A run of this case waiting for the customer's next message, now claimed for this one. */
  joins?: { interactionId: string; workflowId: string; playbookVersionId: string };
}

/**
 * Who wrote this and which case it belongs to; called in the transaction that stores the
 * interaction, so a message is never stored without its customer and case.
 */
export async function linkArrival(tx: EntityManager, a: Arrival): Promise<ArrivalLink> {
  const channel = channelIdentity(a.channel, a.author.id);
  const ids = dedupe([channel, ...revealedIdentities(a.text)]);
  await lockIdentities(tx, ids);

  const owners = await ownersOf(tx, ids);
  const customerId = owners[0]?.id ?? (await createCustomer(tx, a.author, a.channel, a.receivedAt));
  const merged: string[] = [];
  for (const other of owners.slice(1)) {
    const via = await sharedIdentity(tx, other.id, ids);
    await mergeCustomers(tx, customerId, other.id, via, a.interactionId);
    merged.push(other.id);
  }
  await addIdentities(tx, customerId, ids, a.interactionId);
  await refreshProfile(tx, customerId, a.author, a.channel, a.receivedAt);

  const open = await tx.query(`SELECT id FROM cases WHERE customer_id = $1 AND status = 'open' FOR UPDATE`, [customerId]);
  const newCase = !open.length;
  const caseId: string =
    open[0]?.id ?? (await tx.query(`INSERT INTO cases (customer_id, status) VALUES ($1, 'open') RETURNING id`, [customerId]))[0].id;
  const joins = newCase ? undefined : await claimWaitingRun(tx, caseId, a.interactionId);
  // A reply the run asked for is the conversation going on, not a new request.
  const newRequest = !newCase && !joins && (await pendingCount(tx, caseId)) > 0;

  await tx.query(`UPDATE interactions SET customer_id = $2, case_id = $3, new_request = $4 WHERE id = $1`, [
    a.interactionId,
    customerId,
    caseId,
    newRequest,
  ]);
  if (joins) {
    await tx.query(`UPDATE interactions SET joined_interaction_id = $2, workflow_id = $3, playbook_version_id = $4 WHERE id = $1`, [
      a.interactionId,
      joins.interactionId,
      joins.workflowId,
      joins.playbookVersionId,
    ]);
  }
  await tx.query(`UPDATE cases SET last_activity_at = greatest(last_activity_at, $2) WHERE id = $1`, [caseId, a.receivedAt]);
  return { customerId, caseId, newCase, newRequest, merged, joins };
}

/**
 * The newest run of the case waiting at a `wait` node for the customer's reply. Claiming
 * it (a marker in its `waiting` record, which the run overwrites when it moves on) makes
 * sure two messages arriving at once do not both answer the same wait.
 */
async function claimWaitingRun(tx: EntityManager, caseId: string, interactionId: string): Promise<ArrivalLink['joins']> {
  const [run] = await tx.query(
    `SELECT id, workflow_id, playbook_version_id FROM interactions
      WHERE case_id = $1 AND id <> $2 AND status = 'waiting' AND waiting->>'waitFor' = 'reply' AND NOT (waiting ? 'replyFrom')
      ORDER BY received_at DESC LIMIT 1 FOR UPDATE`,
    [caseId, interactionId],
  );
  if (!run) return undefined;
  await tx.query(`UPDATE interactions SET waiting = waiting || jsonb_build_object('replyFrom', $2::text) WHERE id = $1`, [
    run.id,
    interactionId,
  ]);
  return { interactionId: run.id, workflowId: run.workflow_id, playbookVersionId: run.playbook_version_id };
}

async function sharedIdentity(tx: EntityManager, customerId: string, ids: Identity[]): Promise<Identity> {
  const rows = await tx.query(
    `SELECT kind, value, source FROM customer_identities WHERE customer_id = $1 AND (kind, value) IN (SELECT * FROM unnest($2::text[], $3::text[])) LIMIT 1`,
    [customerId, ids.map((i) => i.kind), ids.map((i) => i.value)],
  );
  return rows[0] ?? ids[0];
}

function dedupe(ids: Identity[]): Identity[] {
  const seen = new Map<string, Identity>();
  for (const i of ids) if (!seen.has(`${i.kind}:${i.value}`)) seen.set(`${i.kind}:${i.value}`, i);
  return [...seen.values()];
}
