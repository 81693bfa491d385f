import { Client } from 'pg';
import { chooseVariant } from '@firebreak/engine';
import { api } from './support/http';
import { decide } from './support/decisions';
import { runId, until } from './support/cases';
import { exampleForTest } from './support/examples';
import { publishPlaybook } from './support/playbooks';
import { inboundTweets } from './support/twcs';

/**
 * The example playbooks on the real stack, fed TWCS customer tweets (and TWCS-style ones
 * where the sample has none of a kind): social care triage, the escalation map, and the
 * broken 20% discount link crisis. Their SLAs are shortened to seconds.
 */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  // Everyone on duty around the clock, so who is asked does not depend on the hour in London.
  await db.query(`UPDATE duty_roster SET schedule = NULL`);
});
afterAll(async () => {
  // A crisis left active would send other tests' messages down crisis branches.
  await db.query(`UPDATE crises SET status = 'stood_down', stood_down_at = now(), stood_down_by = 'examples test' WHERE status = 'active'`);
  await db.end();
});

const post = async (playbook: string, externalId: string, text: string, author: Record<string, unknown> = {}) => {
  const r = await api('POST', '/api/interactions', {
    channel: 'x',
    externalId: `${externalId}-${runId}`,
    text,
    playbook,
    author: { id: `${externalId}-${runId}`, handle: externalId, name: 'Sam Customer', followers: 80, ...author },
  });
  expect(r.status).toBe(202);
  return r.body.id as string;
};
const nodes = (run: any) => run.path.map((s: any) => s.nodeId);
const waitingFor = (node: string, what: string) => (r: any) => r.waiting?.nodeId === node && r.waiting.waitFor === what;

describe('social care triage', () => {
  beforeAll(() => publishPlaybook(exampleForTest('social-care', 'scenario-social-care', 120)));

  test('TWCS first messages: each tier takes its branch, agents answer, cases resolve with a public thank-you prompt', async () => {
    const tweets = inboundTweets().slice(0, 12);
    const ids = [];
    for (const [i, t] of tweets.entries()) ids.push(await post('scenario-social-care', `triage-${i}`, t.text));
    const seen = new Set<string>();
    for (const id of ids) {
      const run = await until(id, (r) => r.status === 'completed' || r.waiting?.waitFor === 'task');
      const tier = run.facts.priority.tier;
      seen.add(tier);
      const path = nodes(run);
      if (run.facts.pii.found) expect(path).toContain('pii-warn');
      else {
        expect(run.path.find((s: any) => s.nodeId === 'priority').outcome).toBe(tier);
        const branch = { first: 'customer', second: 'second-tag', noise: 'noise-tag' }[tier as 'first' | 'second' | 'noise'];
        expect(path).toContain(branch);
      }
      if (tier === 'noise' && !run.facts.pii.found) {
        expect(run.status).toBe('completed');
        expect(run.tags).toEqual(['noise']);
        continue;
      }
      expect(path.some((n: string) => n.startsWith('route-'))).toBe(true);
      expect(run.assignment).toBeTruthy();
      expect((await decide(id, { nodeId: 'task', outcome: 'answered', by: 'agent@demo' })).status).toBe(201);
      const done = await until(id, (r) => r.status === 'completed');
      expect(nodes(done).slice(-3)).toEqual(['task', 'resolve', 'end']);
      const resolution = await db.query(`SELECT payload FROM work_items WHERE interaction_id = $1 AND kind = 'resolution'`, [id]);
      expect(resolution.rows[0].payload.thankYou).toMatchObject({ draft: expect.stringContaining('Thank you') });
      const kase = await db.query(`SELECT c.status FROM cases c JOIN interactions i ON i.case_id = c.id WHERE i.id = $1`, [id]);
      expect(kase.rows[0].status).not.toBe('open');
    }
    expect(seen.has('first')).toBe(true);
    expect(seen.has('second')).toBe(true);
  });
});

describe('escalation map', () => {
  beforeAll(() => publishPlaybook(exampleForTest('escalation-map', 'scenario-escalation-map')));

  test('legal risk: team lead first, then legal after the SLA; the rung carries the case history; only legal may close it', async () => {
    const id = await post(
      'scenario-escalation-map',
      'legal',
      "@brand you charged me 3 times and won't refund. My lawyer will hear about this, I'm going to sue",
    );
    await until(id, (r) => waitingFor('escalate-legal', 'escalation')(r) && r.waiting.phase === 0);
    const rung0 = await db.query(`SELECT payload FROM work_items WHERE interaction_id = $1 AND kind = 'escalation' ORDER BY created_at`, [
      id,
    ]);
    expect(rung0.rows[0].payload).toMatchObject({ rung: 0, to: 'team_lead', role: 'manager', assignee: 'manager@demo' });
    expect(rung0.rows[0].payload.history.map((h: any) => h.text)).toContain(
      "@brand you charged me 3 times and won't refund. My lawyer will hear about this, I'm going to sue",
    );
    await until(id, (r) => waitingFor('escalate-legal', 'escalation')(r) && r.waiting.phase === 1);
    const rungs = await db.query(
      `SELECT status, payload->>'to' AS to, payload->>'assignee' AS assignee FROM work_items WHERE interaction_id = $1 AND kind = 'escalation' ORDER BY created_at`,
      [id],
    );
    expect(rungs.rows).toEqual([
      { status: 'expired', to: 'team_lead', assignee: 'manager@demo' },
      { status: 'open', to: 'legal', assignee: 'legal@demo' },
    ]);
    expect((await decide(id, { nodeId: 'escalate-legal', outcome: 'handled', by: 'manager@demo' })).status).toBe(403);
    expect((await decide(id, { nodeId: 'escalate-legal', outcome: 'handled', by: 'legal@demo' })).status).toBe(201);
    const done = await until(id, (r) => r.status === 'completed');
    expect(nodes(done)).toEqual(['start', 'legal-risk', 'tag-legal', 'escalate-legal', 'resolve', 'end']);
    expect(done.tags).toEqual(['legal-risk']);
  });

  test('brand risk: the team lead hands it to PR, who approves the public reply', async () => {
    const id = await post('scenario-escalation-map', 'brand', '@brand this ad is offensive and racist. Everyone should boycott you', {
      followers: 52000,
      verified: true,
    });
    await until(id, waitingFor('escalate-brand', 'escalation'));
    expect((await decide(id, { nodeId: 'escalate-brand', outcome: 'handled', by: 'manager@demo' })).status).toBe(201);
    await until(id, waitingFor('approval-pr', 'approval'));
    expect(
      (
        await decide(id, {
          nodeId: 'approval-pr',
          outcome: 'approved',
          by: 'pr@demo',
          text: 'We hear you. The ad is withdrawn today, and we are sorry.',
        })
      ).status,
    ).toBe(201);
    const done = await until(id, (r) => r.status === 'completed');
    expect(nodes(done)).toEqual([
      'start',
      'legal-risk',
      'brand-risk',
      'tag-brand',
      'escalate-brand',
      'draft-pr',
      'approval-pr',
      'send',
      'resolve',
      'end',
    ]);
    const sent = await db.query(`SELECT text FROM outbox WHERE interaction_id = $1`, [id]);
    expect(sent.rows).toEqual([{ text: 'We hear you. The ad is withdrawn today, and we are sorry.' }]);
  });

  test('an ordinary TWCS complaint goes to the care team; the agent escalates; nobody takes it in time; the leads are told', async () => {
    const tweet = inboundTweets().find((t) => /not working|doesn't work|still waiting/i.test(t.text))!;
    const id = await post('scenario-escalation-map', 'ordinary', tweet.text);
    await until(id, waitingFor('task', 'task'));
    expect((await decide(id, { nodeId: 'task', outcome: 'escalate', by: 'agent@demo' })).status).toBe(201);
    const done = await until(id, (r) => r.status === 'completed');
    expect(nodes(done)).toEqual(['start', 'legal-risk', 'brand-risk', 'route', 'task', 'escalate-lead', 'notify-leads', 'end']);
    expect(done.path.find((s: any) => s.nodeId === 'escalate-lead').outcome).toBe('timeout');
  });
});

describe('crisis: the broken 20% discount link', () => {
  beforeAll(() => publishPlaybook(exampleForTest('discount-link-crisis', 'scenario-discount', 60)));

  test('the spike declares the crisis; holding variants go out after PR approves; agents follow up', async () => {
    const texts = [
      '@brand where is my 20% discount? the link in your email is broken',
      '@brand your promo code from the email does not work!!',
      '@brand the discount link just gives me an error page',
      '@brand is the 20% offer real? link not working',
      '@brand HOW do I get the discount you promised?? broken link again',
      '@brand still no working discount code, seriously',
      '@brand coupon link in the newsletter is broken',
    ];
    const runs = [];
    for (const [i, t] of texts.entries()) {
      const id = await post('scenario-discount', `discount-${i}`, t);
      runs.push(await until(id, (r) => r.waiting && ['task', 'approval'].includes(r.waiting.waitFor)));
    }
    // Before the threshold (5 within 15 minutes) the care team answers; from the fifth on, the crisis branch.
    expect(runs.map((r) => r.waiting.nodeId)).toEqual(['task', 'task', 'task', 'task', 'approval-pr', 'approval-pr', 'approval-pr']);
    const crises = (await api('GET', '/api/crises?status=active')).body.filter((c: any) => c.topic === 'discount-link');
    expect(crises).toHaveLength(1);
    expect(crises[0].declaredBy).toMatch(/^detector/);

    const templates = Object.fromEntries(((await api('GET', '/api/templates')).body as any[]).map((t) => [t.name, t.source]));
    for (const run of runs.slice(4)) {
      const variant = ['holding-discount-1', 'holding-discount-2', 'holding-discount-3'][chooseVariant(run.id, 3)];
      expect(run.path.find((s: any) => s.nodeId === 'holding').detail.template).toBe(variant);
      expect(templates[variant]).toBeDefined();
      expect(await db.query(`SELECT 1 FROM outbox WHERE interaction_id = $1`, [run.id])).toMatchObject({ rowCount: 0 }); // not before PR approves
      expect((await decide(run.id, { nodeId: 'approval-pr', outcome: 'approved', by: 'pr@demo' })).status).toBe(201);
      const followUp = await until(run.id, waitingFor('follow-up', 'task'));
      expect(followUp.tags).toEqual(['discount-link']);
      const sent = await db.query(`SELECT text FROM outbox WHERE interaction_id = $1`, [run.id]);
      expect(sent.rows).toHaveLength(1);
      expect(sent.rows[0].text).toContain('Sam');
    }
  });
});
