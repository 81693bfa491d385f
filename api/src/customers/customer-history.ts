import { DataSource } from 'typeorm';
import { SqlRow } from '../cases/sql-row';
import { Page } from './customer.schema';

/*
 * What a customer has been through, read with the customer's id after merges: arrivals and
 * merges move interactions and cases to the surviving record, so its id finds them all.
 */

/** Interactions and cases in one timeline, newest first, a page at a time. */
export async function customerHistory(db: DataSource, customerId: string, page: Page) {
  const [{ total }] = await db.query(
    `SELECT (SELECT count(*) FROM interactions WHERE customer_id = $1) + (SELECT count(*) FROM cases WHERE customer_id = $1) AS total`,
    [customerId],
  );
  const rows: SqlRow[] = await db.query(
    `SELECT * FROM (
       SELECT 'interaction' AS type, i.id, i.received_at AS at,
              json_build_object('channel', i.channel, 'visibility', i.visibility, 'text', i.text, 'status', i.status, 'caseId', i.case_id,
                'tier', i.facts->'priority'->>'tier', 'sentiment', i.facts->'sentiment', 'handle', i.author->>'handle',
                'replies', COALESCE((SELECT json_agg(json_build_object('text', o.text, 'status', o.status, 'at', o.sent_at) ORDER BY o.created_at)
                                       FROM outbox o WHERE o.interaction_id = i.id), '[]')) AS detail
         FROM interactions i WHERE i.customer_id = $1
       UNION ALL
       SELECT 'case', c.id, c.opened_at,
              json_build_object('status', c.status, 'openedAt', c.opened_at, 'closedAt', c.closed_at, 'resolution', c.resolution,
                'resolvedBy', c.resolved_by, 'team', c.team, 'mergedInto', c.merged_into,
                'agent', CASE WHEN a.id IS NULL THEN NULL ELSE json_build_object('id', a.id, 'name', a.name) END,
                'interactions', (SELECT count(*)::int FROM interactions x WHERE x.case_id = c.id))
         FROM cases c LEFT JOIN agents a ON a.id = c.agent_id WHERE c.customer_id = $1
     ) h
     ORDER BY at DESC, type, id
     LIMIT $2 OFFSET $3`,
    [customerId, page.limit, page.offset],
  );
  return {
    total: Number(total),
    limit: page.limit,
    offset: page.offset,
    items: rows.map((r) => ({ type: r.type as 'interaction' | 'case', id: r.id, at: r.at, ...r.detail })),
  };
}

/**
 * The customer's mood over time, as the analysis scored each message (compound in [-1, 1]):
 * every interaction oldest first (the latest 500), and the average per day (UTC).
 */
export async function customerSentiment(db: DataSource, customerId: string) {
  const points: SqlRow[] = await db.query(
    `SELECT * FROM (
       SELECT id, channel, received_at, (facts->'sentiment'->>'compound')::float8 AS compound, facts->'sentiment'->>'label' AS label
         FROM interactions WHERE customer_id = $1 AND facts ? 'sentiment'
        ORDER BY received_at DESC LIMIT 500
     ) p ORDER BY received_at, id`,
    [customerId],
  );
  const daily: SqlRow[] = await db.query(
    `SELECT to_char(received_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, avg((facts->'sentiment'->>'compound')::float8) AS average, count(*)::int AS n
       FROM interactions WHERE customer_id = $1 AND facts ? 'sentiment'
      GROUP BY 1 ORDER BY 1`,
    [customerId],
  );
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const all = points.map((p) => p.compound as number);
  return {
    interactions: points.map((p) => ({
      interactionId: p.id,
      at: p.received_at,
      channel: p.channel,
      compound: round(p.compound),
      label: p.label,
    })),
    daily: daily.map((d) => ({ day: d.day, average: round(Number(d.average)), interactions: d.n })),
    average: all.length ? round(all.reduce((a, b) => a + b, 0) / all.length) : null,
    latest: points.length ? { compound: round(points[points.length - 1].compound), label: points[points.length - 1].label } : null,
  };
}

/** Who handled the customer's cases and when: the agents routing assigned, most recent first. */
export async function previousAgents(db: DataSource, customerId: string) {
  const rows: SqlRow[] = await db.query(
    `SELECT a.id, a.name, a.email, count(DISTINCT s.case_id)::int AS cases,
            min(coalesce(s.assigned_at, s.created_at)) AS first_at, max(coalesce(s.assigned_at, s.created_at)) AS last_at,
            (array_agg(s.case_id ORDER BY coalesce(s.assigned_at, s.created_at) DESC))[1] AS last_case_id
       FROM assignments s JOIN cases c ON c.id = s.case_id JOIN agents a ON a.id = s.agent_id
      WHERE c.customer_id = $1
      GROUP BY a.id, a.name, a.email
      ORDER BY last_at DESC`,
    [customerId],
  );
  return rows.map((r) => ({
    agent: { id: r.id, name: r.name, email: r.email },
    cases: r.cases,
    firstAt: r.first_at,
    lastAt: r.last_at,
    lastCaseId: r.last_case_id,
  }));
}
