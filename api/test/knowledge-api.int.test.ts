import { api } from './support/http';

/** The knowledge-base api beyond ranking: languages, snippets, the search's own validation, roles, and the index following every write. */
const created: string[] = [];
afterAll(async () => {
  for (const id of created) await api('DELETE', `/api/knowledge/${id}`);
});

async function article(body: Record<string, unknown>, as = 'manager@demo') {
  const r = await api('POST', '/api/knowledge', body, { as });
  expect(r.status).toBe(201);
  created.push(r.body.id);
  return r.body as { id: string; lang: string; title: string };
}

const search = async (query: string, as = 'agent@demo') => {
  const r = await api('GET', `/api/knowledge/search?${query}`, undefined, { as });
  expect([query, r.status]).toEqual([query, 200]);
  return r.body as {
    q: string;
    lang: string | null;
    results: Array<{ id: string; lang: string; score: number; snippet: string; why: { matchedTerms: string[] } }>;
  };
};

test('articles in other languages are stemmed in their own language, and ?lang= keeps to one language', async () => {
  const de = await article({ lang: 'de', title: 'Verspätete Lieferungen', body: 'Wenn Ihre Lieferung sich verspätet, schreiben Sie uns.' });
  const en = await article({ title: 'Late zorblax deliveries', body: 'When your zorblax delivery is late, write to us.' });
  expect(de.lang).toBe('de');
  expect(en.lang).toBe('en');

  // "Lieferungen" and "Lieferung" meet only through the German stemmer.
  const german = await search(`q=${encodeURIComponent('meine Lieferungen sind verspätet')}&lang=de`);
  expect(german.lang).toBe('de');
  expect(german.results[0]).toMatchObject({ id: de.id, lang: 'de' });
  expect(german.results.every((r) => r.lang === 'de')).toBe(true);
  expect(german.results[0].why.matchedTerms).toEqual(expect.arrayContaining(['liefer']));

  // Without a language every article is a candidate, each read in its own language.
  const any = await search(`q=${encodeURIComponent('zorblax Lieferungen')}`);
  expect(any.results.map((r) => r.id)).toEqual(expect.arrayContaining([de.id, en.id]));
  // English only: the German article is not among them.
  const english = await search(`q=${encodeURIComponent('zorblax Lieferungen')}&lang=en`);
  expect(english.results.map((r) => r.id)).toContain(en.id);
  expect(english.results.map((r) => r.id)).not.toContain(de.id);
});

test('each result has a snippet around the matched words, HTML-escaped with the matches marked', async () => {
  const a = await article({
    title: 'Quibbleberry returns',
    body: 'Send the <b>quibbleberry</b> box back within 30 days & we refund you. Packaging does not matter for returns.',
  });
  const { results } = await search(`q=${encodeURIComponent('can I return my quibbleberry?')}`);
  const hit = results.find((r) => r.id === a.id)!;
  expect(hit.snippet).toContain('<mark>quibbleberry</mark>');
  expect(hit.snippet).toContain('&lt;b&gt;');
  expect(hit.snippet).toContain('&amp;');
  expect(hit.snippet).not.toContain('<b>');
  expect(hit.score).toBeGreaterThan(0);
});

test('the full-text index follows every replace and delete', async () => {
  const a = await article({ title: 'Frobnicator warranty', body: 'Two years on every frobnicator.' });
  expect((await search('q=frobnicator')).results.map((r) => r.id)).toContain(a.id);
  const put = await api(
    'PUT',
    `/api/knowledge/${a.id}`,
    { title: 'Gizmotron warranty', body: 'Two years on every gizmotron.' },
    { as: 'manager@demo' },
  );
  expect(put.status).toBe(200);
  expect((await search('q=frobnicator')).results.map((r) => r.id)).not.toContain(a.id);
  expect((await search('q=gizmotron')).results.map((r) => r.id)).toContain(a.id);
  expect((await api('DELETE', `/api/knowledge/${a.id}`, undefined, { as: 'manager@demo' })).status).toBe(204);
  expect((await search('q=gizmotron')).results.map((r) => r.id)).not.toContain(a.id);
});

test('bad searches and bad articles are 400s naming each field', async () => {
  const r = await api('GET', `/api/knowledge/search?q=${'x'.repeat(2001)}&lang=english&limit=500`);
  expect(r.status).toBe(400);
  expect(r.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['lang', 'limit', 'q']);
  expect((await api('GET', '/api/knowledge/search?q=refund&limit=0')).status).toBe(400);

  const bad = await api('POST', '/api/knowledge', { title: 'T', body: 'Hi {{shout customerName}}', lang: 'EN-gb' }, { as: 'manager@demo' });
  expect(bad.status).toBe(400);
  const byPath = Object.fromEntries(bad.body.problems.map((p: { path: string; message: string }) => [p.path, p.message]));
  expect(byPath.body).toMatch(/not a valid template: unknown helper "shout".*\(line 1, column 4\)/);
  expect(byPath.lang).toMatch(/ISO 639-1/);
});

test('everyone signed in reads and searches; only managers and admins write; nobody anonymous', async () => {
  const a = await article({ title: 'Role test article', body: 'Readable by all.' }, 'admin@demo');
  for (const as of ['viewer@demo', 'agent@demo', 'pr@demo', 'legal@demo']) {
    expect([as, (await api('GET', '/api/knowledge', undefined, { as })).status]).toEqual([as, 200]);
    expect([as, (await api('GET', `/api/knowledge/${a.id}`, undefined, { as })).status]).toEqual([as, 200]);
    expect([as, (await api('GET', '/api/knowledge/search?q=readable', undefined, { as })).status]).toEqual([as, 200]);
    const post = await api('POST', '/api/knowledge', { title: 'Nope', body: 'nope' }, { as });
    expect([as, post.status]).toEqual([as, 403]);
    expect(post.body.message).toMatch(/may not POST/);
    expect([as, (await api('PUT', `/api/knowledge/${a.id}`, { title: 'Nope', body: 'nope' }, { as })).status]).toEqual([as, 403]);
    expect([as, (await api('DELETE', `/api/knowledge/${a.id}`, undefined, { as })).status]).toEqual([as, 403]);
  }
  expect((await api('GET', '/api/knowledge', undefined, { as: null })).status).toBe(401);
  expect((await api('GET', `/api/knowledge/${a.id}`, undefined, { as: 'viewer@demo' })).body.title).toBe('Role test article');
});
