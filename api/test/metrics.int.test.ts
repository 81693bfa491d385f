import { randomUUID } from 'crypto';
import { Client } from 'pg';
import { api } from './support/http';
import { chain, publishPlaybook, waitFor } from './support/playbooks';

/**
 * Metrics on the real stack, with exact figures. Interactions are ingested through the API
 * with receivedAt in one week of a past February (GMT, so UTC = London wall time) that no
 * other test writes into; replies, tasks, approvals and assignments are then written in SQL
 * at known instants. Office hours are the default, Mon–Fri 09:00–17:00 Europe/London.
 */
const MIN = 60_000;
const H = 60 * MIN;
const run = randomUUID().slice(0, 8);
// A Monday in February of a year picked per run, so a re-run against the same database starts clean.
const year = 2001 + Math.floor(Math.random() * 20);
const feb10 = Date.UTC(year, 1, 10);
const monday = feb10 - ((new Date(feb10).getUTCDay() + 6) % 7) * 24 * H;
const at = (day: number, hour: number, minute = 0) => new Date(monday + day * 24 * H + hour * H + minute * MIN);
const from = at(0, 0).toISOString();
const to = at(7, 0).toISOString();
const window = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

let db: Client;
const ids: Record<string, string> = {};
let agentId: string;
let helperId: string;
// A colleague who answers on case A and works case B's task: the work is theirs, not the assignee's.
const helperEmail = `helper-${run}@metrics.test`;
const team = `metrics-team-${run}`;

async function ingest(name: string, channel: string, author: string, receivedAt: Date, label: string, tier: string) {
  const res = await api('POST', '/api/interactions', {
    channel,
    externalId: `metrics-${run}-${name}`,
    playbook: 'metrics-test',
    author: { id: `metrics-${run}-${author}`, name: author },
    text: `message ${name} about my delivery`,
    receivedAt: receivedAt.toISOString(),
  });
  expect(res.status).toBe(202);
  ids[name] = res.body.id;
  await waitFor(res.body.id, (r) => r.status === 'completed');
  // Sentiment and tier pinned, so the figures do not depend on the analysers' scoring.
  await db.query(
    `UPDATE interactions SET facts = coalesce(facts, '{}') || jsonb_build_object(
       'sentiment', jsonb_build_object('compound', 0, 'label', $2::text),
       'priority', jsonb_build_object('tier', $3::text, 'needsResponse', true, 'cues', '[]'::jsonb))
     WHERE id = $1`,
    [res.body.id, label, tier],
  );
}

const caseOf = async (name: string): Promise<string> =>
  (await db.query(`SELECT case_id FROM interactions WHERE id = $1`, [ids[name]])).rows[0].case_id;

async function reply(name: string, sentAt: Date, sentBy: string | null = null) {
  await db.query(
    `INSERT INTO outbox (interaction_id, idempotency_key, channel, visibility, text, status, sent_at, sent_by)
     SELECT id, $2, channel, 'public', 'thanks, looking into it', 'sent', $3, $4 FROM interactions WHERE id = $1`,
    [ids[name], `metrics-${run}-reply-${name}-${sentAt.getTime()}`, sentAt, sentBy],
  );
}

async function workItem(name: string, kind: string, status: string, createdAt: Date, payload: object) {
  await db.query(
    `INSERT INTO work_items (interaction_id, node_id, kind, idempotency_key, status, payload, created_at, updated_at)
     VALUES ($1, 'metrics', $2, $3, $4, $5, $6, $6)`,
    [ids[name], kind, `metrics-${run}-${kind}-${name}-${createdAt.getTime()}`, status, JSON.stringify(payload), createdAt],
  );
}

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await publishPlaybook(
    chain('metrics-test', [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'categorise', kind: 'tag', config: { tags: ['delivery'] }, ends: ['next'] },
    ]),
  );
  // Case A: negative, answered in 30 min; then positive at 16:00 and again at 16:30, answered Tuesday 09:30.
  await ingest('a1', 'x', 'alice', at(0, 10), 'negative', 'first');
  await ingest('a2', 'x', 'alice', at(0, 16), 'positive', 'first');
  await ingest('a3', 'x', 'alice', at(0, 16, 30), 'neutral', 'second');
  // Case B: negative on Saturday noon, answered the next Monday 09:10 (after the window).
  await ingest('b1', 'facebook', 'bob', at(5, 12), 'negative', 'first');
  // Case C: neutral noise, never answered.
  await ingest('c1', 'x', 'carol', at(2, 11), 'neutral', 'noise');

  await reply('a1', at(0, 10, 30));
  await reply('a3', at(1, 9, 30), helperEmail.toUpperCase()); // e-mails match whatever their case
  await reply('b1', at(7, 9, 10));

  const cases = { a: await caseOf('a1'), b: await caseOf('b1'), c: await caseOf('c1') };
  await db.query(`UPDATE cases SET opened_at = $2 WHERE id = $1`, [cases.a, at(0, 10)]);
  await db.query(`UPDATE cases SET opened_at = $2 WHERE id = $1`, [cases.b, at(5, 12)]);
  await db.query(`UPDATE cases SET opened_at = $2 WHERE id = $1`, [cases.c, at(2, 11)]);
  await db.query(`UPDATE cases SET status = 'closed', closed_at = $2 WHERE id = $1`, [cases.a, at(1, 10)]);

  // Tasks: 30 min within SLA, 60 min past its dueAt, 20 min with no dueAt; an approval left
  // pending past its dueAt (breached); an escalation due in the far future (not counted yet).
  const decided = (d: Date, by?: string) => ({ decision: { outcome: 'done', at: d.toISOString(), by } });
  await workItem('a1', 'task', 'decided', at(0, 10, 5), { dueAt: at(0, 11).toISOString(), ...decided(at(0, 10, 35)) });
  await workItem('a2', 'task', 'decided', at(0, 16, 5), { dueAt: at(0, 17).toISOString(), ...decided(at(0, 17, 5)) });
  await workItem('b1', 'task', 'decided', at(5, 12, 5), decided(at(5, 12, 25), helperEmail));
  await workItem('c1', 'approval', 'pending', at(2, 11, 5), { dueAt: at(2, 12).toISOString() });
  await workItem('c1', 'escalation', 'open', at(2, 11, 6), { dueAt: '2999-01-01T00:00:00.000Z' });
  // A dueAt that is not an instant drops the item from SLA rather than failing the query.
  await workItem('c1', 'task', 'open', at(2, 11, 7), { dueAt: 'soon' });

  // Routing: case A pushed to an agent of the team, case B queued on the team; C unrouted.
  agentId = (await db.query(`INSERT INTO agents (name) VALUES ($1) RETURNING id`, [`Metrics Agent ${run}`])).rows[0].id;
  helperId = (await db.query(`INSERT INTO agents (name, email) VALUES ($1, $2) RETURNING id`, [`Metrics Helper ${run}`, helperEmail]))
    .rows[0].id;
  const assign = (name: string, caseId: string, agent: string | null, createdAt: Date) =>
    db.query(
      `INSERT INTO assignments (interaction_id, case_id, node_id, idempotency_key, team, agent_id, status, mode, strategy, priority, created_at)
       VALUES ($1, $2, 'route', $3, $4, $5, $6, 'push', 'sticky', 1, $7)`,
      [ids[name], caseId, `metrics-${run}-assign-${name}`, team, agent, agent ? 'assigned' : 'queued', createdAt],
    );
  await assign('a1', cases.a, agentId, at(0, 10, 1));
  await assign('b1', cases.b, null, at(5, 12, 1));
}, 180_000);

afterAll(async () => {
  await db.query(`UPDATE playbooks SET archived = true WHERE key = 'metrics-test'`);
  await db.end();
});

test('the three customers make three cases; alice’s messages share one', async () => {
  expect(await caseOf('a2')).toBe(await caseOf('a1'));
  expect(await caseOf('a3')).toBe(await caseOf('a1'));
  expect(new Set([await caseOf('a1'), await caseOf('b1'), await caseOf('c1')]).size).toBe(3);
});

test('summary: volumes, cases, FRT/ART 24/7 and in business hours, AHT/THT, SLA, sentiment conversion', async () => {
  const res = await api('GET', `/api/metrics/summary?${window}`);
  expect(res.status).toBe(200);
  const s = res.body;
  expect(s.volume).toEqual({
    inbound: 5,
    responses: 2, // b1's reply was sent after the window
    byChannel: { x: 4, facebook: 1 },
    byTier: { first: 3, second: 1, noise: 1 },
    byCategory: { delivery: 5 },
  });
  expect(s.cases).toEqual({ opened: 3, closed: 1 });
  // FRT: a 30 min; b Sat 12:00 → Mon 09:10 = 45h10m, of which 10 min in office hours.
  expect(s.frt).toEqual({ count: 2, avgMs: (30 * MIN + (45 * H + 10 * MIN)) / 2, businessAvgMs: (30 * MIN + 10 * MIN) / 2 });
  // ART adds a2 (16:00, the first message after the previous reply) → Tue 09:30: 17h30m, 1h30m in office hours.
  expect(s.art).toEqual({
    count: 3,
    avgMs: (30 * MIN + (17 * H + 30 * MIN) + (45 * H + 10 * MIN)) / 3,
    businessAvgMs: (30 * MIN + 90 * MIN + 10 * MIN) / 3,
  });
  expect(s.aht).toEqual({ count: 3, avgMs: Math.round((30 * MIN + 60 * MIN + 20 * MIN) / 3) });
  expect(s.tht).toEqual({ cases: 2, avgMs: (90 * MIN + 20 * MIN) / 2, totalMs: 110 * MIN });
  expect(s.sla).toEqual({ due: 3, attained: 1, rate: 1 / 3 });
  expect(s.sentimentConversion).toEqual({ negativeStarts: 2, converted: 1, rate: 0.5 });
  expect(s.officeHours.timeZone).toBe('Europe/London');
});

test('agents and teams: work is credited to the agent who did it, else to the thread’s assignee; teams by thread', async () => {
  const agents = await api('GET', `/api/metrics/agents?${window}`);
  expect(agents.status).toBe(200);
  expect(agents.body.agents).toEqual([
    {
      agentId,
      name: `Metrics Agent ${run}`,
      assignments: { count: 1, cases: 1 },
      frt: { count: 1, avgMs: 30 * MIN, businessAvgMs: 30 * MIN },
      art: { count: 1, avgMs: 30 * MIN, businessAvgMs: 30 * MIN },
      aht: { count: 2, avgMs: 45 * MIN },
      tht: { cases: 1, avgMs: 90 * MIN, totalMs: 90 * MIN },
      sla: { due: 2, attained: 1, rate: 0.5 },
    },
    {
      // a3's reply (sent by the helper on the assignee's case) and b1's task (decided by the helper on a queued case).
      agentId: helperId,
      name: `Metrics Helper ${run}`,
      assignments: { count: 0, cases: 0 },
      frt: { count: 0, avgMs: null, businessAvgMs: null },
      art: { count: 1, avgMs: 17 * H + 30 * MIN, businessAvgMs: 90 * MIN },
      aht: { count: 1, avgMs: 20 * MIN },
      tht: { cases: 1, avgMs: 20 * MIN, totalMs: 20 * MIN },
      sla: { due: 0, attained: 0, rate: null },
    },
  ]);
  const teams = await api('GET', `/api/metrics/teams?${window}`);
  expect(teams.status).toBe(200);
  const mine = teams.body.teams.find((t: { team: string }) => t.team === team);
  expect(mine.assignments).toEqual({ count: 2, cases: 2 });
  expect(mine.frt).toEqual({ count: 2, avgMs: (30 * MIN + 45 * H + 10 * MIN) / 2, businessAvgMs: 20 * MIN });
  expect(mine.aht).toEqual({ count: 3, avgMs: Math.round((110 * MIN) / 3) });
  expect(mine.sla).toEqual({ due: 2, attained: 1, rate: 0.5 });
});

test('series: daily volume and FRT, hourly ART', async () => {
  const volume = await api('GET', `/api/metrics/series?metric=volume&interval=day&${window}`);
  expect(volume.status).toBe(200);
  expect(volume.body.points.map((p: { inbound: number }) => p.inbound)).toEqual([3, 0, 1, 0, 0, 1, 0]);
  expect(volume.body.points[0].bucket).toBe(from);

  const frt = await api('GET', `/api/metrics/series?metric=frt&interval=day&${window}`);
  expect(frt.status).toBe(200);
  expect(frt.body.points.map((p: { avgMs: number | null }) => p.avgMs)).toEqual([
    30 * MIN,
    null,
    null,
    null,
    null,
    45 * H + 10 * MIN,
    null,
  ]);

  const dayOne = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(at(1, 0).toISOString())}`;
  const art = await api('GET', `/api/metrics/series?metric=art&interval=hour&${dayOne}`);
  expect(art.status).toBe(200);
  expect(art.body.points).toHaveLength(24);
  expect(art.body.points[10]).toEqual({ bucket: at(0, 10).toISOString(), count: 1, avgMs: 30 * MIN, businessAvgMs: 30 * MIN });
  expect(art.body.points[16]).toMatchObject({ count: 1, avgMs: 17 * H + 30 * MIN, businessAvgMs: 90 * MIN });
});

test('series of every summary figure: replies, AHT, THT, SLA and sentiment conversion per day, in the summary’s shapes', async () => {
  const series = async (metric: string) => {
    const res = await api('GET', `/api/metrics/series?metric=${metric}&interval=day&${window}`);
    expect(res.status).toBe(200);
    expect(res.body.timeZone).toBe('Europe/London'); // the office hours' zone when none is asked for
    expect(res.body.points).toHaveLength(7);
    return res.body.points.map(({ bucket: _bucket, ...figure }: { bucket: string }) => figure);
  };
  expect((await series('volume')).map((p: { responses: number }) => p.responses)).toEqual([1, 1, 0, 0, 0, 0, 0]);
  const none = { count: 0, avgMs: null };
  expect(await series('aht')).toEqual([{ count: 2, avgMs: 45 * MIN }, none, none, none, none, { count: 1, avgMs: 20 * MIN }, none]);
  expect((await series('tht'))[0]).toEqual({ cases: 1, avgMs: 90 * MIN, totalMs: 90 * MIN });
  const noSla = { due: 0, attained: 0, rate: null };
  // Monday: a1's task in time, a2's late; Wednesday: c1's approval left past its due time.
  expect(await series('sla')).toEqual([
    { due: 2, attained: 1, rate: 0.5 },
    noSla,
    { due: 1, attained: 0, rate: 0 },
    noSla,
    noSla,
    noSla,
    noSla,
  ]);
  const noStart = { negativeStarts: 0, converted: 0, rate: null };
  expect(await series('sentimentConversion')).toEqual([
    { negativeStarts: 1, converted: 1, rate: 1 },
    noStart,
    noStart,
    noStart,
    noStart,
    { negativeStarts: 1, converted: 0, rate: 0 },
    noStart,
  ]);
});

test('series follow the days of the time zone asked for: New York’s Sunday evening is the window’s first hours', async () => {
  const res = await api('GET', `/api/metrics/series?metric=volume&interval=day&tz=America/New_York&${window}`);
  expect(res.status).toBe(200);
  expect(res.body.timeZone).toBe('America/New_York');
  // Midnight in New York is 05:00 UTC in February; the window runs from Sunday 19:00 to the next Sunday 19:00 there.
  expect(res.body.points.map((p: { bucket: string }) => p.bucket)).toEqual(Array.from({ length: 8 }, (_, d) => at(d - 1, 5).toISOString()));
  expect(res.body.points.map((p: { inbound: number }) => p.inbound)).toEqual([0, 3, 0, 1, 0, 0, 1, 0]);
});

test('a day across a DST change is that zone’s day: London’s 28 March 2021 is 23 hours long, and every hour of it is a bucket', async () => {
  const days = await api(
    'GET',
    '/api/metrics/series?metric=volume&interval=day&tz=Europe/London&from=2021-03-27T00:00:00Z&to=2021-03-30T00:00:00Z',
  );
  expect(days.status).toBe(200);
  expect(days.body.points.map((p: { bucket: string }) => p.bucket)).toEqual([
    '2021-03-27T00:00:00.000Z',
    '2021-03-28T00:00:00.000Z',
    '2021-03-28T23:00:00.000Z', // midnight BST
    '2021-03-29T23:00:00.000Z',
  ]);
  const hours = await api(
    'GET',
    '/api/metrics/series?metric=frt&interval=hour&tz=Europe/London&from=2021-03-28T00:00:00Z&to=2021-03-28T23:00:00Z',
  );
  expect(hours.status).toBe(200);
  expect(hours.body.points).toHaveLength(23);
  expect(hours.body.points.slice(0, 2).map((p: { bucket: string }) => p.bucket)).toEqual([
    '2021-03-28T00:00:00.000Z',
    '2021-03-28T01:00:00.000Z',
  ]);
});

test.each([
  ['/api/metrics/summary?from=yesterday', 'from'],
  [`/api/metrics/summary?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`, 'from'],
  ['/api/metrics/summary?colour=red', ''],
  [`/api/metrics/series?metric=nps&interval=day&${window}`, 'metric'],
  [`/api/metrics/series?metric=frt&interval=minute&${window}`, 'interval'],
  [`/api/metrics/series?metric=frt&interval=day&tz=Mars/Olympus_Mons&${window}`, 'tz'],
  [`/api/metrics/series?metric=frt&interval=day&tz=%2B05:00&${window}`, 'tz'],
  ['/api/metrics/series?metric=frt&interval=hour&from=2001-01-01T00:00:00Z&to=2002-01-01T00:00:00Z', 'interval'],
  ['/api/metrics/agents?to=2001-13-01T00:00:00Z', 'to'],
])('a bad query (%s) is a 400 naming the parameter', async (path, param) => {
  const res = await api('GET', path);
  expect(res.status).toBe(400);
  expect(res.body.message).toBe('the query parameters are invalid');
  expect(res.body.problems.map((p: { path: string }) => p.path)).toContain(param);
});
