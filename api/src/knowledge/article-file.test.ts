import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { parseArticleFile } from './article-file';
import { articleInputSchema } from './article.schema';

describe('parseArticleFile', () => {
  test('front matter and body; the query is taken exactly as written', () => {
    const file = parseArticleFile(
      'order-status',
      '---\ntitle: Where is my order?\ntags: [orders, delivery]\nquery: order NEAR/5 "where is"\n---\nHi {{customerName}},\n\ntrack it here.\n',
    );
    expect(file).toEqual({
      key: 'order-status',
      title: 'Where is my order?',
      tags: ['orders', 'delivery'],
      query: 'order NEAR/5 "where is"',
      body: 'Hi {{customerName}},\n\ntrack it here.',
    });
    expect(articleInputSchema.parse(file)).toEqual({ ...file, lang: 'en' });
  });

  test('tags and query are optional', () => {
    expect(parseArticleFile('a', '---\ntitle: A\n---\nbody')).toEqual({ key: 'a', title: 'A', tags: [], query: undefined, body: 'body' });
  });

  test.each([
    ['no front matter', 'just a body', /starts with a front matter/],
    ['an unknown field', '---\ntitle: A\nauthor: me\n---\nbody', /line 2 should be "title:", "tags:" or "query:"/],
  ])('%s is refused', (_what, source, message) => {
    expect(() => parseArticleFile('bad', source)).toThrow(message);
  });

  test('the shared schema refuses a broken template body or keyword query', () => {
    const r = articleInputSchema.safeParse({ title: 'T', body: 'Hi {{#if x}}', query: 'refund AND (' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => [i.path.join('.'), i.message.split(':')[0]])).toEqual([
      ['body', 'the body is not a valid template'],
      ['query', 'the keyword query is invalid'],
    ]);
  });
});

describe('the knowledge base shipped in templates/kb', () => {
  const dir = join(__dirname, '..', '..', '..', 'templates', 'kb');
  const files = readdirSync(dir).filter((f) => f.endsWith('.md'));

  test('has an article for each demo problem', () => {
    expect(files.map((f) => f.replace(/\.md$/, '')).sort()).toEqual(
      expect.arrayContaining(['delivery-delays', 'discount-link', 'order-status', 'password-reset', 'refunds']),
    );
  });

  test.each(files)('%s parses, compiles and has a keyword query', (file) => {
    const parsed = articleInputSchema.safeParse(parseArticleFile(file.replace(/\.md$/, ''), readFileSync(join(dir, file), 'utf8')));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(parsed.data!.query).toBeTruthy();
    expect(parsed.data!.tags.length).toBeGreaterThan(0);
  });
});
