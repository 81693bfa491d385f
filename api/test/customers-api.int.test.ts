import { Client } from 'pg';
import { api } from './support/http';
import { chain, publishPlaybook, waitFor } from './support/playbooks';

/** The customers api on the real stack: search, profile, history, sentiment, previous agents, care notes, and merging by hand. */
let db: Client;
const run = `${Date.now().toString(36)}`;
// A number of this run's own, so no other test's customer shares the identity.
const phoneDigits = String(1000 + Math.floor(Math.random() * 8999));
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await publishPlaybook(
    chain('cust-api-playbook', [
      { id: 'start', kind: 'start', config: {}, next: 'next' },
      { id: 'route', kind: 'route', config: { team: 'care', strategy: 'least_busy', mode: 'push' }, next: 'routed' },
      { id: 'tag', kind: 'tag', config: { tags: ['seen'] }, ends: ['next'] },
    ]),
  );
});
afterAll(async () => {
  await db.query(`UPDATE playbooks SET archived = true WHERE key = 'cust-api-playbook'`);
  await db.end();
});

let n = 0;
async function arrive(channel: string, authorId: string, text: string, author: Record<string, unknown> = {}) {
  const r = await api('POST', '/api/interactions', {
    channel,
    externalId: `cust-${run}-${++n}`,
    visibility: channel === 'email' ? 'private' : 'public',
    playbook: 'cust-api-playbook',
    author: { id: authorId, ...author },
    text,
  });
  expect(r.status).toBe(202);
  const done = await waitFor(r.body.id, (x) => x.status === 'completed');
  return { id: r.body.id as string, customerId: done.customerId as string, caseId: done.caseId as string };
}

const uuid0 = '00000000-0000-4000-8000-000000000000';

describe('one customer across channels', () => {
  const handle = `zelda_${run}`;
  const email = `zelda.${run}@example.com`;
  let first: { id: string; customerId: string; caseId: string };
  let second: { id: string; customerId: string };

  beforeAll(async () => {
    first = await arrive('x', `zx-${run}`, `@brand my order is late and I'm furious. email me: ${email} or call (646) 555-${phoneDigits}`, {
      handle,
      name: 'Zelda Fitzgerald',
      followers: 25_000,
    });
    second = await arrive('email', email, 'Thanks, the parcel arrived today. Lovely service, really happy!', { name: 'Zelda Fitzgerald' });
  });

  test('search finds her by name, handle (with or without @), e-mail and any identity; most recently seen first', async () => {
    expect(second.customerId).toBe(first.customerId);
    for (const q of ['fitzgerald', `@${handle}`, handle.toUpperCase(), email, `zx-${run}`, `+1 646 555 ${phoneDigits}`]) {
      const r = await api('GET', `/api/customers?q=${encodeURIComponent(q)}`, undefined, { as: 'viewer@demo' });
      expect([q, r.status]).toEqual([q, 200]);
      expect([q, r.body.customers.map((c: { id: string }) => c.id)]).toEqual([q, [first.customerId]]);
    }
    const hit = (await api('GET', `/api/customers?q=${encodeURIComponent(email)}`)).body;
    expect(hit).toMatchObject({ total: 1, limit: 50, offset: 0 });
    expect(hit.customers[0]).toMatchObject({ name: 'Zelda Fitzgerald', handle, interactions: 2, channels: ['x', 'email'] });
    expect((await api('GET', `/api/customers?q=nobody-${run}`)).body).toMatchObject({ total: 0, customers: [] });
    // A LIKE wildcard is a character, not "anything"; no query lists everyone, a page at a time.
    expect((await api('GET', `/api/customers?q=${encodeURIComponent('%')}`)).body).toMatchObject({ total: 0, customers: [] });
    const everyone = (await api('GET', '/api/customers?limit=1')).body;
    expect(everyone).toMatchObject({ q: null, limit: 1 });
    expect(everyone.total).toBeGreaterThanOrEqual(1);
    expect(everyone.customers).toHaveLength(1);
  });

  test('the profile: identities across channels, influence, first and last seen, previous agents, cases', async () => {
    const r = await api('GET', `/api/customers/${first.customerId}`, undefined, { as: 'viewer@demo' });
    expect(r.status).toBe(200);
    const p = r.body;
    expect(p.identities.map((i: { kind: string }) => i.kind)).toEqual(expect.arrayContaining(['x', 'email', 'phone']));
    expect(p).toMatchObject({
      id: first.customerId,
      name: 'Zelda Fitzgerald',
      tier: null,
      tags: [],
      notes: null,
      influence: { segment: 'influencer', followers: 25_000, verified: false },
      interactions: 2,
      mergedInto: null,
    });
    expect(new Date(p.firstSeen).getTime()).toBeLessThanOrEqual(new Date(p.lastSeen).getTime());
    expect(p.cases).toEqual([expect.objectContaining({ id: first.caseId })]);
    // Each message was routed least-busy, so one or two agents handled her case; the latest first.
    expect(p.previousAgents.length).toBeGreaterThanOrEqual(1);
    for (const a of p.previousAgents)
      expect(a).toMatchObject({ agent: { id: expect.any(String), name: expect.any(String) }, cases: 1, lastCaseId: first.caseId });
    const lastAts = p.previousAgents.map((a: { lastAt: string }) => a.lastAt);
    expect(lastAts).toEqual([...lastAts].sort().reverse());
    expect((await api('GET', `/api/customers/${first.customerId}/agents`)).body).toEqual(p.previousAgents);
  });

  test('history: interactions and cases in one timeline, newest first, in pages', async () => {
    const all = (await api('GET', `/api/customers/${first.customerId}/history`, undefined, { as: 'agent@demo' })).body;
    expect(all.total).toBe(3);
    expect(all.items.map((i: { type: string; id: string }) => `${i.type}:${i.id}`).sort()).toEqual(
      [`interaction:${second.id}`, `interaction:${first.id}`, `case:${first.caseId}`].sort(),
    );
    const ats = all.items.map((i: { at: string }) => i.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(all.items[0]).toMatchObject({ type: 'interaction', id: second.id });
    expect(all.items[0]).toMatchObject({ channel: 'email', caseId: first.caseId, sentiment: { label: 'positive' } });
    expect(all.items.find((i: { type: string }) => i.type === 'case')).toMatchObject({ status: 'open', interactions: 2 });
    const page = (await api('GET', `/api/customers/${first.customerId}/history?limit=1&offset=1`)).body;
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ id: all.items[1].id }] });
    const bad = await api('GET', `/api/customers/${first.customerId}/history?limit=0&offset=-1`);
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['limit', 'offset']);
  });

  test('sentiment: each interaction oldest first, and the daily average', async () => {
    const s = (await api('GET', `/api/customers/${first.customerId}/sentiment`)).body;
    expect(s.interactions.map((i: { interactionId: string }) => i.interactionId)).toEqual([first.id, second.id]);
    const [angry, happy] = s.interactions;
    expect(angry.compound).toBeLessThan(0);
    expect(happy).toMatchObject({ label: 'positive', channel: 'email' });
    expect(happy.compound).toBeGreaterThan(0);
    expect(s.daily).toEqual([{ day: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), average: expect.any(Number), interactions: 2 }]);
    expect(s.daily[0].average).toBeCloseTo((angry.compound + happy.compound) / 2, 2);
    expect(s.latest).toEqual({ compound: happy.compound, label: 'positive' });
  });

  test('agents and managers keep the tier, tags and notes; viewers may not; bad input is a 400 with field paths', async () => {
    const r = await api(
      'PATCH',
      `/api/customers/${first.customerId}`,
      { tier: 'Gold', tags: ['Refund', 'refund', 'late'], notes: 'Prefers e-mail.' },
      {
        as: 'agent@demo',
      },
    );
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ tier: 'gold', tags: ['refund', 'late'], notes: 'Prefers e-mail.', influence: { segment: 'vip' } });
    const cleared = await api('PATCH', `/api/customers/${first.customerId}`, { tier: null }, { as: 'manager@demo' });
    expect(cleared.body).toMatchObject({
      tier: null,
      tags: ['refund', 'late'],
      notes: 'Prefers e-mail.',
      influence: { segment: 'influencer' },
    });

    const viewer = await api('PATCH', `/api/customers/${first.customerId}`, { notes: 'x' }, { as: 'viewer@demo' });
    expect(viewer.status).toBe(403);
    for (const as of ['pr@demo', 'legal@demo'])
      expect((await api('PATCH', `/api/customers/${first.customerId}`, { notes: 'x' }, { as })).status).toBe(403);
    const bad = await api('PATCH', `/api/customers/${first.customerId}`, { tier: 5, tags: 'vip', colour: 'red' }, { as: 'agent@demo' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['', 'tags', 'tier']);
    expect((await api('PATCH', `/api/customers/${first.customerId}`, {}, { as: 'agent@demo' })).status).toBe(400);
    expect((await api('PATCH', `/api/customers/${uuid0}`, { notes: 'x' }, { as: 'agent@demo' })).status).toBe(404);
    expect((await api('GET', `/api/customers/${first.customerId}`)).body.notes).toBe('Prefers e-mail.');
  });
});

describe('merging two records of one person by hand', () => {
  test('identities, cases and interactions move in one go; who merged is recorded; the merged record points at the survivor', async () => {
    const onX = await arrive('x', `mx-${run}`, 'where is my refund??', { handle: `mia_${run}`, name: 'Mia Wong' });
    const onFb = await arrive('facebook', `mf-${run}`, 'still waiting for my refund', { name: 'Mia W.' });
    expect(onFb.customerId).not.toBe(onX.customerId);
    await api('PATCH', `/api/customers/${onFb.customerId}`, { notes: 'Asked twice on Facebook.', tags: ['refund'] }, { as: 'agent@demo' });

    const merged = await api('POST', `/api/customers/${onX.customerId}/merge`, { otherCustomerId: onFb.customerId }, { as: 'agent@demo' });
    expect(merged.status).toBe(200);
    expect(merged.body.identities.map((i: { kind: string; value: string }) => `${i.kind}:${i.value}`).sort()).toEqual([
      `facebook:mf-${run}`,
      `x:mx-${run}`,
    ]);
    expect(merged.body.merges).toEqual([
      { mergedId: onFb.customerId, via: null, interactionId: null, at: expect.any(String), by: 'agent@demo' },
    ]);
    expect(merged.body).toMatchObject({ interactions: 2, notes: 'Asked twice on Facebook.', tags: ['refund'] });
    // Two open cases became one.
    expect(merged.body.cases.filter((c: { status: string }) => c.status === 'open')).toHaveLength(1);

    const rows = (await db.query(`SELECT customer_id FROM interactions WHERE id = ANY($1::uuid[])`, [[onX.id, onFb.id]])).rows;
    expect(rows.map((r) => r.customer_id)).toEqual([onX.customerId, onX.customerId]);
    const gone = (await api('GET', `/api/customers/${onFb.customerId}`)).body;
    expect(gone.mergedInto).toBe(onX.customerId);
    expect((await api('GET', `/api/customers/${onFb.customerId}/history`)).body.items.map((i: { id: string }) => i.id)).toContain(onFb.id);
    expect(
      (await api('GET', `/api/customers?q=${encodeURIComponent(`mf-${run}`)}`)).body.customers.map((c: { id: string }) => c.id),
    ).toEqual([onX.customerId]);

    const again = await api('POST', `/api/customers/${onX.customerId}/merge`, { otherCustomerId: onFb.customerId }, { as: 'agent@demo' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/already merged into/);
    expect((await api('PATCH', `/api/customers/${onFb.customerId}`, { notes: 'x' }, { as: 'agent@demo' })).status).toBe(409);
  });

  test('into itself is a 422, an unknown customer a 404, a bad body a 400, a viewer a 403; nothing changes', async () => {
    const a = await arrive('chat', `ma-${run}`, 'hello there', { name: 'Solo Person' });
    const itself = await api('POST', `/api/customers/${a.customerId}/merge`, { otherCustomerId: a.customerId }, { as: 'manager@demo' });
    expect(itself).toMatchObject({
      status: 422,
      body: {
        message: 'a customer cannot be merged into itself',
        problems: [{ path: 'otherCustomerId', message: 'must be another customer' }],
      },
    });
    const unknown = await api('POST', `/api/customers/${a.customerId}/merge`, { otherCustomerId: uuid0 }, { as: 'manager@demo' });
    expect(unknown).toMatchObject({ status: 404, body: { message: `no customer with id "${uuid0}"` } });
    expect((await api('POST', `/api/customers/${uuid0}/merge`, { otherCustomerId: a.customerId }, { as: 'manager@demo' })).status).toBe(
      404,
    );
    const bad = await api('POST', `/api/customers/${a.customerId}/merge`, { otherCustomerId: 'nope' }, { as: 'manager@demo' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([{ path: 'otherCustomerId', message: expect.any(String) }]);
    const b = await arrive('chat', `mb-${run}`, 'hi again', { name: 'Other Person' });
    const viewer = await api('POST', `/api/customers/${a.customerId}/merge`, { otherCustomerId: b.customerId }, { as: 'viewer@demo' });
    expect(viewer.status).toBe(403);
    const merges = await db.query(`SELECT count(*)::int AS n FROM customer_merges WHERE survivor_id = ANY($1::uuid[])`, [
      [a.customerId, b.customerId],
    ]);
    expect(merges.rows[0].n).toBe(0);
    expect((await api('GET', `/api/customers/${b.customerId}`)).body.mergedInto).toBeNull();
  });
});

test('reads need a sign-in; a malformed id is a 400 and an unknown one a 404', async () => {
  expect((await api('GET', '/api/customers', undefined, { as: null })).status).toBe(401);
  expect((await api('GET', '/api/customers/not-a-uuid')).status).toBe(400);
  for (const path of ['', '/history', '/sentiment', '/agents'])
    expect([path, (await api('GET', `/api/customers/${uuid0}${path}`)).status]).toEqual([path, 404]);
  expect((await api('GET', `/api/customers?q=${'x'.repeat(201)}`)).status).toBe(400);
});
