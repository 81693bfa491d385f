/**
 * The metrics queries. Every one takes the window as $1 (from, inclusive) and $2 (to,
 * exclusive). A "thread" is the case an interaction belongs to, or the interaction alone
 * when it has no case: that is the conversation replies are measured against.
 */

/**
 * Whom a piece of work is credited to. The team is the thread's: its newest routing
 * assignment. The agent is the person who did the work, when that is known and they have an
 * agent profile (`doerEmail`: a reply's sender, a task's decider); otherwise (the playbook
 * sent the reply, a PR approver decided) the thread's newest assignee. So a reply an agent
 * sent before the case moved to a colleague stays theirs.
 */
const credit = (doerEmail: string) => `
  LEFT JOIN LATERAL (
    SELECT a.agent_id, a.team FROM assignments a
     WHERE a.interaction_id = i.id OR (i.case_id IS NOT NULL AND a.case_id = i.case_id)
     ORDER BY a.created_at DESC, a.id LIMIT 1
  ) att ON true
  LEFT JOIN LATERAL (SELECT d.id FROM agents d WHERE lower(d.email) = lower(${doerEmail}) LIMIT 1) doer ON true
  LEFT JOIN agents ag ON ag.id = coalesce(doer.id, att.agent_id)`;
const CREDITED = `ag.id AS agent_id, ag.name AS agent_name, att.team`;

/**
 * Response pairs: one row per reply sent (outbox status "sent…" with a sent_at), paired with
 * the customer message that started the wait it ends — the earliest inbound message of the
 * thread received after the thread's previous reply and no later than this one. A reply with
 * no such message (a second reply in a row) ends no wait and is left out.
 *   ART = the average of (sent_at − asked_at) over all pairs;
 *   FRT = the same over the first reply of each thread only (asked_at is then the thread's
 *         first message).
 * Pairs are in the window when the customer message is; replies are numbered over the whole
 * thread (not only the window) so "first" means first ever.
 */
export const RESPONSE_PAIRS = `
  WITH threads AS (
    SELECT DISTINCT coalesce(case_id, id) AS thread FROM interactions WHERE received_at >= $1 AND received_at < $2
  ), replies AS (
    SELECT o.id, o.sent_at, o.sent_by, i.id AS interaction_id, i.case_id, coalesce(i.case_id, i.id) AS thread,
           lag(o.sent_at) OVER (PARTITION BY coalesce(i.case_id, i.id) ORDER BY o.sent_at, o.id) AS prev_sent,
           row_number() OVER (PARTITION BY coalesce(i.case_id, i.id) ORDER BY o.sent_at, o.id) AS nth
      FROM outbox o JOIN interactions i ON i.id = o.interaction_id
     WHERE o.sent_at IS NOT NULL AND o.status LIKE 'sent%' AND coalesce(i.case_id, i.id) IN (SELECT thread FROM threads)
  ), pairs AS (
    SELECT r.*, (
      SELECT min(m.received_at) FROM interactions m
       WHERE (m.case_id = r.case_id OR (r.case_id IS NULL AND m.id = r.interaction_id))
         AND m.received_at <= r.sent_at AND (r.prev_sent IS NULL OR m.received_at > r.prev_sent)
    ) AS asked_at FROM replies r
  )
  SELECT p.thread, p.asked_at, p.sent_at, p.nth = 1 AS first, ${CREDITED}
    FROM pairs p JOIN interactions i ON i.id = p.interaction_id ${credit('p.sent_by')}
   WHERE p.asked_at >= $1 AND p.asked_at < $2`;

/**
 * Agent tasks (work items of kind "task") created in the window and completed: status
 * "decided", completed at the decision's time. Handle time = completed − created;
 * AHT = its average over tasks; THT = its sum per thread (case).
 */
export const HANDLED_TASKS = `
  SELECT coalesce(i.case_id, i.id) AS thread, w.created_at,
         coalesce((w.payload->'decision'->>'at')::timestamptz, w.updated_at) AS done_at, ${CREDITED}
    FROM work_items w JOIN interactions i ON i.id = w.interaction_id ${credit("w.payload->'decision'->>'by'")}
   WHERE w.kind = 'task' AND w.status = 'decided' AND w.created_at >= $1 AND w.created_at < $2`;

/**
 * SLA attainment over work items (tasks, approvals, escalations) created in the window that
 * carry a dueAt. An item counts once its outcome is known: decided (attained when decided at
 * or before dueAt) or past its dueAt undecided (breached). Items still open before their
 * dueAt are not counted yet.
 */
export const SLA_ITEMS = `
  SELECT agent_id, agent_name, team, created_at, status = 'decided' AND done_at <= due_at AS attained
    FROM (
      SELECT ${CREDITED}, w.created_at, w.status,
             coalesce((w.payload->'decision'->>'at')::timestamptz, w.updated_at) AS done_at,
             -- CASE, not a WHERE condition: Postgres may evaluate ANDed conditions in any order,
             -- and a dueAt that is not an instant must drop the item, not fail the query.
             CASE WHEN w.payload->>'dueAt' ~ '^\\d{4}-\\d{2}-\\d{2}T' THEN (w.payload->>'dueAt')::timestamptz END AS due_at
        FROM work_items w JOIN interactions i ON i.id = w.interaction_id ${credit("w.payload->'decision'->>'by'")}
       WHERE w.kind IN ('task', 'approval', 'escalation') AND w.created_at >= $1 AND w.created_at < $2
    ) items
   WHERE due_at IS NOT NULL AND (status = 'decided' OR due_at <= now())`;

/** Routing volume per agent / team: assignments made in the window, and the cases (threads) they cover. */
export const ASSIGNMENTS = `
  SELECT a.agent_id, ag.name AS agent_name, a.team, coalesce(a.case_id, a.interaction_id) AS thread
    FROM assignments a LEFT JOIN agents ag ON ag.id = a.agent_id
   WHERE a.created_at >= $1 AND a.created_at < $2`;

/** Volume by channel, by priority tier (facts) and by category (the tags a playbook set, vars.tags). */
export const INBOUND_VOLUME = `
  SELECT coalesce(jsonb_object_agg(channel, n) FILTER (WHERE kind = 'channel'), '{}') AS by_channel,
         coalesce(jsonb_object_agg(channel, n) FILTER (WHERE kind = 'tier'), '{}') AS by_tier,
         coalesce(jsonb_object_agg(channel, n) FILTER (WHERE kind = 'tag'), '{}') AS by_category
    FROM (
      SELECT 'channel' AS kind, channel, count(*)::int AS n FROM interactions WHERE received_at >= $1 AND received_at < $2 GROUP BY channel
      UNION ALL
      SELECT 'tier', coalesce(facts->'priority'->>'tier', 'unknown'), count(*)::int FROM interactions
       WHERE received_at >= $1 AND received_at < $2 GROUP BY 2
      UNION ALL
      SELECT 'tag', tag, count(*)::int FROM interactions,
             jsonb_array_elements_text(CASE WHEN jsonb_typeof(vars->'tags') = 'array' THEN vars->'tags' ELSE '[]' END) tag
       WHERE received_at >= $1 AND received_at < $2 GROUP BY tag
    ) v`;

/** Inbound volume: the count of customer messages received in the window. */
export const INBOUND_COUNT = `SELECT count(*)::int AS n FROM interactions WHERE received_at >= $1 AND received_at < $2`;

/** Response volume: replies sent in the window (by sent_at). */
export const RESPONSE_COUNT = `SELECT count(*)::int AS n FROM outbox WHERE sent_at >= $1 AND sent_at < $2 AND status LIKE 'sent%'`;

/** Cases opened (opened_at) and closed (closed_at) in the window. */
export const CASE_COUNTS = `
  SELECT (SELECT count(*)::int FROM cases WHERE opened_at >= $1 AND opened_at < $2) AS opened,
         (SELECT count(*)::int FROM cases WHERE closed_at >= $1 AND closed_at < $2) AS closed`;

/**
 * Sentiment conversion: threads whose first message was received in the window with a
 * negative sentiment label (one row each, at that message), and whether a later message in
 * the thread (any time) was labelled positive.
 */
export const NEGATIVE_STARTS = `
  WITH firsts AS (
    SELECT DISTINCT ON (coalesce(case_id, id)) coalesce(case_id, id) AS thread, received_at, facts->'sentiment'->>'label' AS label
      FROM interactions
     WHERE coalesce(case_id, id) IN (SELECT coalesce(case_id, id) FROM interactions WHERE received_at >= $1 AND received_at < $2)
     ORDER BY coalesce(case_id, id), received_at, id
  )
  SELECT f.received_at AS started_at, EXISTS (
           SELECT 1 FROM interactions m WHERE coalesce(m.case_id, m.id) = f.thread AND m.received_at > f.received_at
              AND m.facts->'sentiment'->>'label' = 'positive') AS converted
    FROM firsts f WHERE f.label = 'negative' AND f.received_at >= $1 AND f.received_at < $2`;

/**
 * The starts of a series' buckets in zone $3, by interval. Days step in local dates (a DST
 * day is 23 or 25 hours long); hours step in absolute time from the local hour the window
 * starts in, so every hour of a DST change is its own bucket.
 */
export const SERIES_BUCKETS = {
  day: `SELECT d AT TIME ZONE $3 AS bucket
          FROM generate_series(date_trunc('day', $1::timestamptz AT TIME ZONE $3),
                               ($2::timestamptz - interval '1 microsecond') AT TIME ZONE $3, interval '1 day') d`,
  hour: `SELECT generate_series(date_trunc('hour', $1::timestamptz AT TIME ZONE $3) AT TIME ZONE $3,
                                $2::timestamptz - interval '1 microsecond', interval '1 hour') AS bucket`,
};

/** Inbound messages and replies sent per hour or day ($3) in zone $4, counted in SQL: these can be many rows. */
export const VOLUME_SERIES = `
  SELECT bucket, sum(inbound)::int AS inbound, sum(responses)::int AS responses FROM (
    SELECT date_trunc($3, received_at AT TIME ZONE $4) AT TIME ZONE $4 AS bucket, 1 AS inbound, 0 AS responses
      FROM interactions WHERE received_at >= $1 AND received_at < $2
    UNION ALL
    SELECT date_trunc($3, sent_at AT TIME ZONE $4) AT TIME ZONE $4, 0, 1
      FROM outbox WHERE sent_at >= $1 AND sent_at < $2 AND status LIKE 'sent%'
  ) v GROUP BY bucket`;
