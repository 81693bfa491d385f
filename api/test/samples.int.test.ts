import { parse } from 'csv-parse/sync';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { api, eventually, tokenFor } from './support/http';
import { chain, publishPlaybook } from './support/playbooks';
import { repoRoot, startOwnServices } from './support/stack';

/**
 * The editor's test data on the real stack: TWCS demo threads for test runs (read from the
 * shared data folder, checked here against the data set's own thread file) and a
 * playbook's recorded runs for the backtest.
 */
const twcs = join(repoRoot, '..', 'shared', 'data', 'twcs');

/** tweet id → thread id, as the data set publishes it (twcs-dev.threads.csv). */
const threadOf = new Map(
  (parse(readFileSync(join(twcs, 'twcs-dev.threads.csv')), { columns: true }) as Array<Record<string, string>>).map((r) => [
    r.tweet_id,
    r.thread_id,
  ]),
);
const tweetsPerThread = new Map<string, number>();
for (const t of threadOf.values()) tweetsPerThread.set(t, (tweetsPerThread.get(t) ?? 0) + 1);

describe('GET /api/samples/threads', () => {
  test('real threads, each whole and in order, starting with the customer', async () => {
    const res = await api('GET', '/api/samples/threads?limit=25', undefined, { as: 'manager@demo' });
    expect(res.status).toBe(200);
    expect(res.body.source).toBe(join('twcs', 'twcs-dev.csv'));
    expect(res.body.message).toBeUndefined();
    expect(res.body.threads).toHaveLength(25);
    // 791 threads in the file; a few are started by a brand and have no customer message to test with.
    expect(res.body.total).toBeGreaterThan(700);
    expect(res.body.total).toBeLessThanOrEqual(791);
    for (const t of res.body.threads) {
      const first = t.messages.find((m: any) => m.inbound);
      expect(t.text).toBe(first.text);
      expect(t.customer).toBe(first.author);
      expect(t.receivedAt).toBe(first.at);
      expect(t.brand).toBe(t.messages.find((m: any) => !m.inbound)?.author ?? null);
      expect(t.messages.map((m: any) => m.at)).toEqual([...t.messages.map((m: any) => m.at)].sort());
      // The same thread as the data set's thread file: one thread id, every tweet of it.
      const ids = new Set(t.messages.map((m: any) => threadOf.get(m.id)));
      expect(ids.size).toBe(1);
      expect(t.messages).toHaveLength(tweetsPerThread.get([...ids][0] as string));
    }
  });

  test('q searches what the customers wrote, case-insensitively; limit caps the list, total counts all', async () => {
    const all = await api('GET', '/api/samples/threads?q=REFUND&limit=100', undefined, { as: 'viewer@demo' });
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(3);
    expect(all.body.threads).toHaveLength(Math.min(all.body.total, 100));
    for (const t of all.body.threads) expect(t.messages.some((m: any) => m.inbound && /refund/i.test(m.text))).toBe(true);
    const two = await api('GET', '/api/samples/threads?q=refund&limit=2', undefined, { as: 'agent@demo' });
    expect(two.body.total).toBe(all.body.total);
    expect(two.body.threads.map((t: any) => t.id)).toEqual(all.body.threads.slice(0, 2).map((t: any) => t.id));

    // A thread of the data set: the customer's tweet 20, answered by sprintcare (tweet 19).
    const known = await api('GET', '/api/samples/threads?q=shortcode%20enabled', undefined, { as: 'manager@demo' });
    expect(known.body.threads).toEqual([
      expect.objectContaining({
        id: '20',
        brand: 'sprintcare',
        customer: '115715',
        receivedAt: '2017-10-31T22:03:34.000Z',
        text: expect.stringMatching(/^@115714 whenever I contact customer support/),
      }),
    ]);
    expect(known.body.threads[0].messages.map((m: any) => [m.id, m.inbound])).toEqual([
      ['20', true],
      ['19', false],
    ]);

    const none = await api('GET', '/api/samples/threads?q=zzqxj-nothing-like-this', undefined, { as: 'manager@demo' });
    expect(none).toEqual({ status: 200, body: { threads: [], total: 0, source: join('twcs', 'twcs-dev.csv') } });
  });

  test('bad parameters are a 400 naming the field; no sign-in is a 401', async () => {
    for (const query of ['limit=0', 'limit=101', 'limit=abc', 'limit=2.5', `q=${'x'.repeat(201)}`]) {
      const res = await api('GET', `/api/samples/threads?${query}`, undefined, { as: 'manager@demo' });
      expect(res.status).toBe(400);
      expect(res.body.problems.map((p: any) => p.path)).toEqual([query.split('=')[0]]);
    }
    expect((await api('GET', '/api/samples/threads', undefined, { as: null })).status).toBe(401);
  });

  test('without the data folder: an empty list that says where it looked', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'firebreak-no-samples-'));
    const own = await startOwnServices({ FIREBREAK_SAMPLES_DIR: empty }, { worker: false });
    try {
      const res = await fetch(`${own.url}/api/samples/threads?q=refund`, {
        headers: { authorization: `Bearer ${await tokenFor('manager@demo')}` },
      });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ threads: [], total: 0 });
      expect(body.message).toContain(join(empty, 'twcs', 'twcs-dev.csv'));
      expect(body.message).toContain('FIREBREAK_SAMPLES_DIR');
    } finally {
      own.stop();
    }
  });
});

describe('GET /api/playbooks/:key/interactions (recorded runs for the backtest)', () => {
  const key = 'samples-recorded';
  const graph = (query: string) =>
    chain(key, [
      { id: 'start', kind: 'start', next: 'next' },
      { id: 'refund', kind: 'keywords', config: { query }, next: 'match', branches: { no_match: 'end' } },
      { id: 'tag', kind: 'tag', config: { tags: ['refund'] }, next: 'next' },
      { id: 'end', kind: 'end' },
    ]);
  const post = (externalId: string, text: string) =>
    api('POST', '/api/interactions', {
      channel: 'x',
      externalId,
      author: { id: `a-${externalId}`, handle: `h${externalId}`, followers: 12 },
      text,
      playbook: key,
    });
  const finished = (id: string) =>
    eventually(async () => {
      const r = await api('GET', `/api/interactions/${id}`);
      return r.body.status === 'completed' ? r.body : undefined;
    });

  test('newest first, over every version, with text, author, facts and the recorded path', async () => {
    const v1 = await publishPlaybook(graph('refund'));
    const a = await post(`rec-1-${Date.now()}`, '@brand I want a refund now');
    expect(a.status).toBe(202);
    await finished(a.body.id);
    const v2 = await publishPlaybook(graph('refund OR money'));
    const b = await post(`rec-2-${Date.now()}`, '@brand where is my money');
    await finished(b.body.id);

    const res = await api('GET', `/api/playbooks/${key}/interactions?limit=10`, undefined, { as: 'manager@demo' });
    expect(res.status).toBe(200);
    expect(res.body.playbook).toBe(key);
    expect(res.body.interactions.map((i: any) => i.id).slice(0, 2)).toEqual([b.body.id, a.body.id]);
    const [second, first] = res.body.interactions;
    expect(first).toMatchObject({
      channel: 'x',
      visibility: 'public',
      text: '@brand I want a refund now',
      author: { handle: expect.stringMatching(/^hrec-1-/), followers: 12 },
      status: 'completed',
      version: v1.version,
      facts: { matches: { refund: true } },
      waiting: null,
    });
    expect(first.path.map((s: any) => `${s.nodeId}:${s.outcome ?? ''}`)).toEqual(['start:next', 'refund:match', 'tag:next', 'end:']);
    expect(second).toMatchObject({ version: v2.version, facts: { matches: { refund: true } } });
    expect(new Date(second.receivedAt).getTime()).toBeGreaterThanOrEqual(new Date(first.receivedAt).getTime());

    const one = await api('GET', `/api/playbooks/${key}/interactions?limit=1`, undefined, { as: 'viewer@demo' });
    expect(one.body.interactions.map((i: any) => i.id)).toEqual([b.body.id]);
  });

  test('who may read them, and bad input', async () => {
    expect((await api('GET', `/api/playbooks/${key}/interactions`, undefined, { as: 'admin@demo' })).status).toBe(200);
    for (const who of ['agent@demo', 'pr@demo', 'legal@demo']) {
      expect((await api('GET', `/api/playbooks/${key}/interactions`, undefined, { as: who })).status).toBe(403);
    }
    expect((await api('GET', `/api/playbooks/${key}/interactions`, undefined, { as: null })).status).toBe(401);
    const unknown = await api('GET', '/api/playbooks/no-such-playbook/interactions', undefined, { as: 'manager@demo' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('no-such-playbook');
    const bad = await api('GET', `/api/playbooks/${key}/interactions?limit=0`, undefined, { as: 'manager@demo' });
    expect(bad.status).toBe(400);
    expect(bad.body.problems).toEqual([expect.objectContaining({ path: 'limit' })]);
  });
});
