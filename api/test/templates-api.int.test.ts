import { Client } from 'pg';
import { api } from './support/http';
import { chain, publishPlaybook, waitFor } from './support/playbooks';

/** The templates api on the real stack: CRUD with the compile check, references that block delete/rename, preview, roles. */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db.query(`UPDATE playbooks SET archived = true WHERE key LIKE 'tpl-%'`);
  await db.end();
});

const asManager = { as: 'manager@demo' };
const count = async () => (await db.query(`SELECT count(*)::int AS n FROM templates`)).rows[0].n as number;

describe('CRUD with the compile check', () => {
  test('create, read (with warnings and where it is used), replace, delete', async () => {
    const created = await api('POST', '/api/templates', { name: 'tpl-crud', source: 'Hi {{customerName}}, {{customer.nmae}}' }, asManager);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'tpl-crud', source: 'Hi {{customerName}}, {{customer.nmae}}' });
    expect(created.body.warnings).toEqual([expect.objectContaining({ severity: 'warning', line: 1, column: 22 })]);

    const got = await api('GET', '/api/templates/tpl-crud', undefined, { as: 'viewer@demo' });
    expect(got).toMatchObject({ status: 200, body: { name: 'tpl-crud', usedBy: [] } });
    expect((await api('GET', '/api/templates', undefined, { as: 'viewer@demo' })).body.map((t: { name: string }) => t.name)).toEqual(
      expect.arrayContaining(['acknowledge', 'tpl-crud']),
    );

    const put = await api('PUT', '/api/templates/tpl-crud', { source: 'Hello {{customerName}} {{signature}}' }, asManager);
    expect(put).toMatchObject({ status: 200, body: { name: 'tpl-crud', source: 'Hello {{customerName}} {{signature}}', warnings: [] } });
    const renamed = await api('PUT', '/api/templates/tpl-crud', { name: 'tpl-crud-2', source: 'Hello {{customerName}}' }, asManager);
    expect(renamed).toMatchObject({ status: 200, body: { name: 'tpl-crud-2' } });
    expect((await api('GET', '/api/templates/tpl-crud')).status).toBe(404);

    expect((await api('DELETE', '/api/templates/tpl-crud-2', undefined, asManager)).status).toBe(204);
    expect((await api('GET', '/api/templates/tpl-crud-2')).status).toBe(404);
    expect((await api('DELETE', '/api/templates/tpl-crud-2', undefined, asManager)).status).toBe(404);
  });

  test('a source that does not compile is a 422 with each problem at its line and column, and nothing is written', async () => {
    const before = await count();
    const r = await api(
      'POST',
      '/api/templates',
      { name: 'tpl-broken', source: 'Hi {{customerName}}\n{{#if order.number}}order {{orderNumber}}' },
      asManager,
    );
    expect(r.status).toBe(422);
    expect(r.body).toMatchObject({ statusCode: 422, message: 'the template does not compile' });
    expect(r.body.problems).toEqual([
      {
        path: 'source',
        severity: 'error',
        line: 2,
        column: expect.any(Number),
        message: expect.stringMatching(/^Parse error on line 2: unexpected end of template/),
      },
    ]);

    const helper = await api(
      'POST',
      '/api/templates',
      { name: 'tpl-broken', source: 'Hi {{shout customer.name}} and {{> footer}}' },
      asManager,
    );
    expect(helper.status).toBe(422);
    expect(
      helper.body.problems.map((p: { line: number; column: number; message: string }) => [p.line, p.column, p.message.split(' (known')[0]]),
    ).toEqual([
      [1, 4, 'unknown helper "shout"'],
      [1, 32, 'partials ({{> name}}) are not supported in replies'],
    ]);

    const ok = await api('POST', '/api/templates', { name: 'tpl-fixable', source: 'Hi {{customerName}}' }, asManager);
    expect(ok.status).toBe(201);
    const badPut = await api('PUT', '/api/templates/tpl-fixable', { source: 'Hi {{#each}}' }, asManager);
    expect(badPut.status).toBe(422);
    expect((await api('GET', '/api/templates/tpl-fixable')).body.source).toBe('Hi {{customerName}}');
    expect(await count()).toBe(before + 1);
    await api('DELETE', '/api/templates/tpl-fixable', undefined, asManager);
  });

  test('bad bodies are 400s with field paths; a duplicate name is a 409', async () => {
    const r = await api('POST', '/api/templates', { name: 'Bad Name!', source: '   ', colour: 'red' }, asManager);
    expect(r.status).toBe(400);
    expect(r.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['', 'name', 'source']);
    expect((await api('POST', '/api/templates', '{"name": ', asManager)).status).toBe(400);
    const dup = await api('POST', '/api/templates', { name: 'acknowledge', source: 'Hi' }, asManager);
    expect(dup).toMatchObject({ status: 409, body: { message: 'a template named "acknowledge" exists already' } });
    await api('POST', '/api/templates', { name: 'tpl-taken', source: 'x' }, asManager);
    await api('POST', '/api/templates', { name: 'tpl-renamer', source: 'y' }, asManager);
    expect((await api('PUT', '/api/templates/tpl-renamer', { name: 'tpl-taken', source: 'y' }, asManager)).status).toBe(409);
    for (const n of ['tpl-taken', 'tpl-renamer']) await api('DELETE', `/api/templates/${n}`, undefined, asManager);
  });
});

describe('a template that playbooks use', () => {
  const usingTemplate = (key: string, template: string) =>
    chain(key, [
      { id: 'start', kind: 'start', config: { channels: ['chat'] }, next: 'next' },
      { id: 'reply', kind: 'draft', config: { source: 'template', template }, ends: ['next'] },
    ]);

  test('cannot be deleted or renamed while a draft or the live version names it (409 naming the playbooks); can once none does', async () => {
    expect((await api('POST', '/api/templates', { name: 'tpl-shared', source: 'Hi {{customerName}}' }, asManager)).status).toBe(201);
    await publishPlaybook(usingTemplate('tpl-user-live', 'tpl-shared'));
    const draftOnly = await api('POST', '/api/playbooks', usingTemplate('tpl-user-draft', 'tpl-shared'), asManager);
    expect(draftOnly.status).toBe(201);

    const del = await api('DELETE', '/api/templates/tpl-shared', undefined, asManager);
    expect(del.status).toBe(409);
    expect(del.body.message).toBe('cannot delete template "tpl-shared": playbooks "tpl-user-draft", "tpl-user-live" use it');
    expect(del.body.usedBy).toEqual([
      { playbook: 'tpl-user-draft', name: 'tpl-user-draft', where: 'draft', nodes: ['reply'] },
      { playbook: 'tpl-user-live', name: 'tpl-user-live', where: 'draft', nodes: ['reply'] },
      { playbook: 'tpl-user-live', name: 'tpl-user-live', where: 'live version 1', nodes: ['reply'] },
    ]);
    const rename = await api('PUT', '/api/templates/tpl-shared', { name: 'tpl-shared-2', source: 'Hi' }, asManager);
    expect(rename.status).toBe(409);
    expect(rename.body.message).toMatch(/^cannot rename template "tpl-shared": playbooks/);
    // The source may still change: the name is what playbooks hold on to.
    expect((await api('PUT', '/api/templates/tpl-shared', { source: 'Hello {{customerName}}' }, asManager)).status).toBe(200);
    expect((await api('GET', '/api/templates/tpl-shared')).body.usedBy).toHaveLength(3);

    // The drafts move on to another template; the live version still names it.
    await api('POST', '/api/templates', { name: 'tpl-other', source: 'Hi' }, asManager);
    for (const key of ['tpl-user-draft', 'tpl-user-live'])
      expect((await api('PUT', `/api/playbooks/${key}/draft`, usingTemplate(key, 'tpl-other'), asManager)).status).toBe(200);
    const stillLive = await api('DELETE', '/api/templates/tpl-shared', undefined, asManager);
    expect(stillLive.status).toBe(409);
    expect(stillLive.body.usedBy).toEqual([
      { playbook: 'tpl-user-live', name: 'tpl-user-live', where: 'live version 1', nodes: ['reply'] },
    ]);

    await publishPlaybook(usingTemplate('tpl-user-live', 'tpl-other'));
    expect((await api('DELETE', '/api/templates/tpl-shared', undefined, asManager)).status).toBe(204);
    expect((await db.query(`SELECT count(*)::int AS n FROM templates WHERE name = 'tpl-shared'`)).rows[0].n).toBe(0);
  });
});

describe('preview', () => {
  test('the sample context is built from a realistic interaction and lists every variable and helper', async () => {
    const r = await api('GET', '/api/templates/sample-context', undefined, { as: 'viewer@demo' });
    expect(r.status).toBe(200);
    expect(r.body.context).toMatchObject({
      customer: { name: 'Angela Smith', handle: 'angela' },
      agent: { name: 'Sam Lee' },
      order: { number: 'A-10428' },
      message: { channel: 'x' },
    });
    const names = r.body.variables.map((v: { name: string }) => v.name);
    expect(names).toEqual(expect.arrayContaining(['customer.name', 'order.number', 'crisis.topic', 'customerName', 'eta', 'if']));
    expect(r.body.variables.find((v: { name: string }) => v.name === 'customer.name')).toMatchObject({
      kind: 'variable',
      example: 'Angela Smith',
    });
  });

  test('a source, a stored template, a context laid over the sample, and a real interaction', async () => {
    const source = 'Hi {{customerName}}, {{agentName}} here about {{orderNumber "your order"}}. {{signature}}';
    const sample = await api('POST', '/api/templates/preview', { source }, { as: 'agent@demo' });
    expect(sample).toMatchObject({ status: 200, body: { text: 'Hi Angela, Sam Lee here about A-10428. ^SL', warnings: [] } });

    const stored = await api('POST', '/api/templates/preview', { name: 'acknowledge' }, { as: 'agent@demo' });
    expect(stored.status).toBe(200);
    expect(stored.body.text).toMatch(/^Hi Angela/);

    const overlay = await api('POST', '/api/templates/preview', {
      source,
      context: { customer: { name: 'Frank Ocean' }, order: { number: null } },
    });
    expect(overlay.body.text).toBe('Hi Frank, Sam Lee here about your order. ^SL');

    await publishPlaybook(
      chain('tpl-preview-run', [
        { id: 'start', kind: 'start', config: { channels: ['chat'] }, next: 'next' },
        { id: 'tag', kind: 'tag', config: { tags: ['seen'] }, ends: ['next'] },
      ]),
    );
    const posted = await api('POST', '/api/interactions', {
      channel: 'chat',
      externalId: 'tpl-preview-1',
      visibility: 'private',
      playbook: 'tpl-preview-run',
      author: { id: 'tpl-preview-author', name: 'Bea Real', handle: 'bea' },
      text: 'my parcel #Z-90210 never came',
    });
    expect(posted.status).toBe(202);
    await waitFor(posted.body.id, (x) => x.status === 'completed');
    const real = await api('POST', '/api/templates/preview', { source, interactionId: posted.body.id }, { as: 'agent@demo' });
    expect(real.status).toBe(200);
    expect(real.body.text).toMatch(/^Hi Bea, the team here about /);
    expect(real.body.context.message).toEqual({ text: 'my parcel #Z-90210 never came', channel: 'chat' });
  });

  test('preview errors: 422 with the place, 404 for an unknown template or interaction, 400 for a confused request', async () => {
    const broken = await api('POST', '/api/templates/preview', { source: 'Hi\n  {{/if}}' });
    expect(broken.status).toBe(422);
    expect(broken.body.problems).toEqual([expect.objectContaining({ path: 'source', line: 2, column: 3 })]);
    expect((await api('POST', '/api/templates/preview', { name: 'tpl-no-such' })).status).toBe(404);
    expect(
      (await api('POST', '/api/templates/preview', { source: 'x', interactionId: '00000000-0000-4000-8000-000000000000' })).status,
    ).toBe(404);
    const both = await api('POST', '/api/templates/preview', {
      source: 'x',
      name: 'acknowledge',
      context: {},
      interactionId: '00000000-0000-4000-8000-000000000000',
    });
    expect(both.status).toBe(400);
    expect(both.body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['context', 'source']);
    expect((await api('POST', '/api/templates/preview', {})).status).toBe(400);
  });
});

test('only managers and admins write templates; every signed-in role reads and previews; anonymous is refused', async () => {
  for (const as of ['viewer@demo', 'agent@demo', 'pr@demo', 'legal@demo']) {
    const post = await api('POST', '/api/templates', { name: 'tpl-forbidden', source: 'x' }, { as });
    expect([as, post.status]).toEqual([as, 403]);
    expect(post.body.message).toMatch(/may not POST/);
    expect([as, (await api('PUT', '/api/templates/acknowledge', { source: 'x' }, { as })).status]).toEqual([as, 403]);
    expect([as, (await api('DELETE', '/api/templates/acknowledge', undefined, { as })).status]).toEqual([as, 403]);
    expect([as, (await api('GET', '/api/templates/acknowledge', undefined, { as })).status]).toEqual([as, 200]);
    expect([as, (await api('POST', '/api/templates/preview', { name: 'acknowledge' }, { as })).status]).toEqual([as, 200]);
  }
  expect((await api('GET', '/api/templates', undefined, { as: null })).status).toBe(401);
  expect((await api('POST', '/api/templates', { name: 'tpl-admin', source: 'x' }, { as: 'admin@demo' })).status).toBe(201);
  expect((await api('DELETE', '/api/templates/tpl-admin', undefined, { as: 'admin@demo' })).status).toBe(204);
  expect((await api('GET', '/api/templates/acknowledge')).body.source).not.toBe('x');
});
