import { Client } from 'pg';
import { api, eventually } from './support/http';
import { chain, publishPlaybook } from './support/playbooks';

/** The knowledge base on the real stack: full-text ranking, the keyword boost, CRUD, and KB drafts in real runs. */
let db: Client;
const created: string[] = [];
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  for (const id of created) await api('DELETE', `/api/knowledge/${id}`);
  // Archived, so that later tests' chat messages never land on this test playbook.
  await db.query(`UPDATE playbooks SET archived = true WHERE key = 'kb-draft-test'`);
  await db.end();
});

async function article(body: Record<string, unknown>) {
  const r = await api('POST', '/api/knowledge', body);
  expect(r.status).toBe(201);
  created.push(r.body.id);
  return r.body as { id: string; key: string | null; title: string };
}

const search = async (q: string) => {
  const r = await api('GET', `/api/knowledge/search?q=${encodeURIComponent(q)}`);
  expect(r.status).toBe(200);
  return r.body.results as Array<{
    id: string;
    key: string | null;
    title: string;
    score: number;
    why: { textRank: number; matchedTerms: string[]; keywordMatched: boolean; keywordBoost: number; keywordQuery: string | null };
  }>;
};

test('the articles in templates/kb are loaded on first start', async () => {
  const r = await api('GET', '/api/knowledge');
  expect(r.status).toBe(200);
  expect(r.body.map((a: { key: string }) => a.key)).toEqual(
    expect.arrayContaining(['order-status', 'refunds', 'discount-link', 'password-reset', 'delivery-delays']),
  );
  const pw = r.body.find((a: { key: string }) => a.key === 'password-reset');
  expect(pw).toMatchObject({
    title: expect.stringMatching(/password/i),
    tags: ['account', 'login'],
    query: expect.stringContaining('password*'),
  });
});

describe('ranking', () => {
  test('customer messages find the article for their problem, with the words that matched', async () => {
    const cases: Array<[string, string]> = [
      ['I forgot my password and the reset link never came', 'password-reset'],
      ['the 20% discount link from your email is broken!!', 'discount-link'],
      ['I want my money back, I was charged twice', 'refunds'],
      ['my delivery is two weeks late, still waiting', 'delivery-delays'],
      ['where is my order? it has not arrived', 'order-status'],
    ];
    for (const [q, key] of cases) {
      const [best] = await search(q);
      expect([q, best?.key]).toEqual([q, key]);
    }
    const [pw] = await search('I forgot my password and the reset link never came');
    expect(pw.why.matchedTerms).toEqual(expect.arrayContaining(['password', 'reset']));
    expect(pw.why.textRank).toBeGreaterThan(0);
  });

  test('a word in the title weighs more than the same word in the body', async () => {
    const inTitle = await article({ title: 'Zephyrcard balance', body: 'Check it in the app under Wallet.' });
    const inBody = await article({ title: 'Store credit', body: 'Store credit and a zephyrcard can both pay for an order.' });
    const results = await search('how do I use my zephyrcard');
    expect(results.map((r) => r.id)).toEqual([inTitle.id, inBody.id]);
    expect(results[0].why.textRank).toBeGreaterThan(results[1].why.textRank);
    expect(results.every((r) => !r.why.keywordMatched && r.score === r.why.textRank)).toBe(true);
  });

  test('an article whose keyword query matches is boosted above articles found by text alone', async () => {
    // By text alone the plush article wins (its title and body say "quokka"); the mascot's query matches the message.
    const plush = await article({ title: 'Quokka plush toys', body: 'Our quokka plush comes in two sizes; every quokka is sewn by hand.' });
    const mascot = await article({ title: 'Our mascot', body: 'Meet Quinn, the brand mascot.', query: 'quokka* OR marsupial' });
    const results = await search('is the quokka your mascot?');
    expect(results.map((r) => r.id).slice(0, 2)).toEqual([mascot.id, plush.id]);
    const [m, p] = results;
    expect(m.why).toMatchObject({ keywordMatched: true, keywordBoost: 1, keywordQuery: 'quokka* OR marsupial' });
    expect(m.score).toBeCloseTo(m.why.textRank + 1, 6);
    expect(p.why).toMatchObject({ keywordMatched: false, keywordBoost: 0 });
    expect(p.why.textRank).toBeGreaterThan(m.why.textRank);

    // Found by the query alone (no word in common), and gone from the boost once the query is removed.
    const [only] = await search('a marsupial!');
    expect(only).toMatchObject({ id: mascot.id, score: 1, why: { textRank: 0, matchedTerms: [], keywordMatched: true } });
    expect((await api('PUT', `/api/knowledge/${mascot.id}`, { title: 'Our mascot', body: 'Meet Quinn, the brand mascot.' })).status).toBe(
      200,
    );
    expect((await search('is the quokka your mascot?')).map((r) => r.id).slice(0, 2)).toEqual([plush.id, mascot.id]);
    expect(await search('a marsupial!')).toEqual([]);
  });

  test('a message of stop words only finds nothing, without an error', async () => {
    expect(await search('the and of to')).toEqual([]);
  });
});

describe('CRUD and bad input', () => {
  test('create, read, replace, delete', async () => {
    const a = await article({
      key: 'kb-crud-test',
      title: 'Gift wrapping',
      body: 'Hi {{customerName}}, we wrap for free.',
      tags: ['Gifts'],
    });
    expect(a).toMatchObject({ key: 'kb-crud-test', title: 'Gift wrapping', tags: ['gifts'], query: null });
    expect((await api('GET', `/api/knowledge/${a.id}`)).body).toMatchObject({ id: a.id, body: 'Hi {{customerName}}, we wrap for free.' });
    const put = await api('PUT', `/api/knowledge/${a.id}`, {
      title: 'Gift wrapping and cards',
      body: 'Free wrapping, and a card.',
      query: 'gift* OR wrap*',
    });
    expect(put).toMatchObject({
      status: 200,
      body: { id: a.id, key: 'kb-crud-test', title: 'Gift wrapping and cards', query: 'gift* OR wrap*', tags: [] },
    });
    expect((await search('can you gift wrap it'))[0].id).toBe(a.id);
    expect((await api('DELETE', `/api/knowledge/${a.id}`)).status).toBe(204);
    expect((await api('GET', `/api/knowledge/${a.id}`)).status).toBe(404);
    expect((await api('DELETE', `/api/knowledge/${a.id}`)).status).toBe(404);
  });

  test('invalid bodies get a 400 naming each field, and write nothing', async () => {
    const before = (await db.query(`SELECT count(*)::int AS n FROM kb_articles`)).rows[0].n;
    const r = await api('POST', '/api/knowledge', {
      title: '',
      body: 'Hi {{#if x}}',
      query: 'refund AND (',
      tags: 'refunds',
      colour: 'red',
    });
    expect(r.status).toBe(400);
    expect(r.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['', 'body', 'query', 'tags', 'title']);
    expect(r.body.problems.find((p: { path: string }) => p.path === 'body').message).toMatch(/not a valid template: Parse error on line 1/);
    expect(r.body.problems.find((p: { path: string }) => p.path === 'query').message).toMatch(/keyword query is invalid/);
    expect((await api('POST', '/api/knowledge', '{"title": ')).status).toBe(400);
    const pw = (await api('GET', '/api/knowledge')).body.find((a: { key: string }) => a.key === 'password-reset');
    expect((await api('PUT', `/api/knowledge/${pw.id}`, { title: 'x' })).status).toBe(400);
    expect((await db.query(`SELECT count(*)::int AS n FROM kb_articles`)).rows[0].n).toBe(before);
    expect((await api('GET', `/api/knowledge/${pw.id}`)).body.title).toBe(pw.title);
  });

  test('a duplicate key is a 409; unknown and malformed ids are 404 and 400; a search needs words', async () => {
    const r = await api('POST', '/api/knowledge', { key: 'refunds', title: 'Another refunds article', body: 'x' });
    expect(r).toMatchObject({ status: 409, body: { message: 'an article with key "refunds" exists already' } });
    expect((await api('GET', '/api/knowledge/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await api('PUT', '/api/knowledge/00000000-0000-4000-8000-000000000000', { title: 'x', body: 'y' })).status).toBe(404);
    expect((await api('GET', '/api/knowledge/not-a-uuid')).status).toBe(400);
    expect((await api('GET', '/api/knowledge/search')).status).toBe(400);
    expect((await api('GET', '/api/knowledge/search?q=%20%20')).status).toBe(400);
  });
});

describe('draft from the knowledge base in a real run', () => {
  beforeAll(async () => {
    await publishPlaybook(
      chain('kb-draft-test', [
        { id: 'start', kind: 'start', config: { channels: ['chat'] }, next: 'next' },
        { id: 'route', kind: 'route', config: { team: 'care', strategy: 'least_busy', mode: 'push' }, next: 'routed' },
        { id: 'kb', kind: 'draft', config: { source: 'kb' }, next: 'next', branches: { no_article: 'no-article' } },
        { id: 'send', kind: 'send', config: { visibility: 'private' }, ends: ['sent', 'failed'] },
        { id: 'no-article', kind: 'tag', config: { tags: ['no-article'] }, ends: ['next'] },
      ]),
    );
  });

  const post = (externalId: string, text: string, authorId = `kb-${externalId}`) =>
    api('POST', '/api/interactions', {
      channel: 'chat',
      externalId,
      visibility: 'private',
      playbook: 'kb-draft-test',
      author: { id: authorId, name: 'Angela Smith', handle: 'angela' },
      text,
    });
  const trailOf = (run: { path: Array<{ nodeId: string; outcome?: string }> }) => run.path.map((s) => `${s.nodeId}:${s.outcome}`);
  const finished = (id: string) =>
    eventually(
      async () => {
        const r = await api('GET', `/api/interactions/${id}`);
        return ['completed', 'failed'].includes(r.body.status) ? r.body : undefined;
      },
      60_000,
      `interaction ${id} to finish`,
    );

  test('the best article becomes the draft, rendered with the run (name, agent, order number from the message) and sent', async () => {
    const posted = await post('kb-run-1', 'where is my order #A-10428?? it still has not arrived');
    expect(posted.status).toBe(202);
    const run = await finished(posted.body.id);
    const orderStatus = (await api('GET', '/api/knowledge')).body.find((a: { key: string }) => a.key === 'order-status');
    expect(run.status).toBe('completed');
    expect(trailOf(run)).toEqual(['start:next', 'route:routed', 'kb:next', 'send:sent']);
    expect(run.path[2].detail).toEqual({ articleId: orderStatus.id, score: expect.any(Number) });
    const vars = (await db.query(`SELECT vars FROM interactions WHERE id = $1`, [posted.body.id])).rows[0].vars;
    expect(vars.draft.articleId).toBe(orderStatus.id);
    // The agent the route node assigned signs the reply (initials of the name when no signature comes with it).
    const agent: string = vars.assignment.agentName;
    expect(agent).toEqual(expect.any(String));
    const initials = agent
      .split(/\s+/)
      .map((w) => w[0])
      .join('');
    const outbox = await db.query(`SELECT text, status, visibility FROM outbox WHERE interaction_id = $1`, [posted.body.id]);
    expect(outbox.rows).toEqual([
      {
        text: expect.stringMatching(
          /^Hi Angela, sorry you're still waiting! We've checked order A-10428: it should be with you within the next few days\./,
        ),
        status: 'sent (sandbox)',
        visibility: 'private',
      },
    ]);
    expect(outbox.rows[0].text.endsWith(`^${vars.assignment.agentSignature ?? initials}`)).toBe(true);
  });

  test('the order number the customer gave in an earlier message comes from their case', async () => {
    const first = await post('kb-run-3', 'my order #B-55501 arrived damaged, the box was smashed', 'kb-case-customer');
    expect((await finished(first.body.id)).status).toBe('completed');
    const second = await post('kb-run-4', 'where is my order? it still has not arrived', 'kb-case-customer');
    const run = await finished(second.body.id);
    expect(trailOf(run)).toEqual(['start:next', 'route:routed', 'kb:next', 'send:sent']);
    const outbox = await db.query(`SELECT text FROM outbox WHERE interaction_id = $1`, [second.body.id]);
    expect(outbox.rows[0].text).toMatch(/^Hi Angela, sorry you're still waiting! We've checked order B-?55501:/); // identities keep order numbers normalised
  });

  test('no fitting article takes the no_article outcome and sends nothing', async () => {
    const posted = await post('kb-run-2', 'lovely weather today');
    const run = await finished(posted.body.id);
    expect(run.status).toBe('completed');
    expect(trailOf(run)).toEqual(['start:next', 'route:routed', 'kb:no_article', 'no-article:next']);
    expect(run.path[2].detail).toEqual({ reason: 'no knowledge-base article matches the message' });
    expect(run.tags).toEqual(['no-article']);
    expect((await db.query(`SELECT count(*)::int AS n FROM outbox WHERE interaction_id = $1`, [posted.body.id])).rows[0].n).toBe(0);
  });
});
