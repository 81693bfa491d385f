import { Client } from 'pg';
import { api, tokenFor } from './support/http';
import { startOwnServices } from './support/stack';
import { ensureUser } from './support/users';

/** Sign-in on the real stack: JWT sessions, API tokens, the login rate limit, users and the IP allow-list. */
let db: Client;
beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
});
afterAll(async () => {
  await db.query(`UPDATE workspace_settings SET ip_allow_list = '{}' WHERE id = 1`);
  await db.end();
});

const login = (email: string, password: string, headers: Record<string, string> = {}, url = process.env.FIREBREAK_URL) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email, password }),
  }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
const withToken = (token: string) => ({ as: null, headers: { authorization: `Bearer ${token}` } });

test('a password login gives a session token that says who you are', async () => {
  const ok = await login('manager@demo', 'firebreak');
  expect(ok.status).toBe(200);
  expect(ok.body.user).toMatchObject({ email: 'manager@demo', role: 'manager', name: 'Maya Manager' });
  expect(ok.body.user.passwordHash).toBeUndefined();
  expect(new Date(ok.body.expiresAt).getTime()).toBeGreaterThan(Date.now());
  const me = await api('GET', '/api/auth/me', undefined, withToken(ok.body.accessToken));
  expect(me.body).toMatchObject({ email: 'manager@demo', role: 'manager', via: 'password' });
});

test('wrong credentials, missing and forged tokens are 401 with a message; nothing tells which e-mails exist', async () => {
  const wrong = await login('manager@demo', 'not-it');
  const unknown = await login('nobody@nowhere', 'not-it');
  expect([wrong.status, unknown.status]).toEqual([401, 401]);
  expect(wrong.body.message).toBe(unknown.body.message);
  const anonymous = await api('GET', '/api/playbooks', undefined, { as: null });
  expect(anonymous.status).toBe(401);
  expect(anonymous.body.message).toMatch(/Authorization: Bearer/);
  const token = await tokenFor('admin@demo');
  const forged = `${token.slice(0, -4)}AAAA`;
  expect((await api('GET', '/api/playbooks', undefined, withToken(forged))).status).toBe(401);
  expect((await api('GET', '/api/health', undefined, { as: null })).status).toBe(200); // public
});

test('the role decides: a viewer reads but may not publish; the refusal names what is needed', async () => {
  expect((await api('GET', '/api/playbooks', undefined, { as: 'viewer@demo' })).status).toBe(200);
  const refused = await api('POST', '/api/playbooks/social-care/publish', {}, { as: 'viewer@demo' });
  expect(refused.status).toBe(403);
  expect(refused.body.message).toMatch(/viewer@demo \(viewer\) may not POST .*: it needs admin, manager/);
});

test('after repeated failures a login is refused for a while, even with the right password', async () => {
  await ensureUser(db, 'ratelimit@test', 'agent');
  for (let i = 0; i < 5; i++) expect((await login('ratelimit@test', `guess-${i}`)).status).toBe(401);
  const blocked = await login('ratelimit@test', 'firebreak');
  expect(blocked.status).toBe(429);
  expect(blocked.body.message).toMatch(/too many failed logins/);
  expect(blocked.body.retryAfter).toBeGreaterThan(0);
  // Other accounts from the same address still sign in.
  expect((await login('agent@demo', 'firebreak')).status).toBe(200);
});

test('API tokens: created by an admin, shown once, used by an integration, revoked at once', async () => {
  expect((await api('POST', '/api/auth/tokens', { name: 'crm', role: 'agent' }, { as: 'manager@demo' })).status).toBe(403);
  const created = await api('POST', '/api/auth/tokens', { name: 'crm-bridge', role: 'agent', expiresInDays: 30 });
  expect(created.status).toBe(201);
  const secret = created.body.token as string;
  expect(secret).toMatch(/^fbk_/);
  const posted = await api(
    'POST',
    '/api/interactions',
    { channel: 'email', externalId: `token-${Date.now()}`, author: { id: 'crm-1' }, text: 'hello from the CRM' },
    withToken(secret),
  );
  expect(posted.status).toBe(202);
  expect((await api('GET', '/api/auth/me', undefined, withToken(secret))).body).toMatchObject({ email: 'token:crm-bridge', via: 'token' });
  // An agent's token cannot do a manager's job.
  expect((await api('POST', '/api/playbooks/social-care/publish', {}, withToken(secret))).status).toBe(403);
  const listed = await api('GET', '/api/auth/tokens');
  const row = listed.body.find((t: any) => t.id === created.body.id);
  expect(row).toMatchObject({ name: 'crm-bridge', role: 'agent', prefix: secret.slice(0, 10), createdBy: 'admin@demo' });
  expect(JSON.stringify(listed.body)).not.toContain(secret);
  expect((await api('DELETE', `/api/auth/tokens/${created.body.id}`)).status).toBe(200);
  const revoked = await api('GET', '/api/auth/me', undefined, withToken(secret));
  expect(revoked.status).toBe(401);
  expect(revoked.body.message).toMatch(/revoked/);
  const invalid = await api('POST', '/api/auth/tokens', { name: '', role: 'wizard' });
  expect(invalid.status).toBe(400);
  expect(invalid.body.problems.map((p: any) => p.path).sort()).toEqual(['name', 'role']);
});

test('admins manage users: a disabled user loses their session at once, a role change applies at once', async () => {
  const email = `new.agent.${Date.now()}@example.com`;
  const created = await api('POST', '/api/users', { email, name: 'New Agent', role: 'agent', password: 'long-enough-pw' });
  expect(created.status).toBe(201);
  expect((await api('POST', '/api/users', { email, name: 'Again', role: 'agent', password: 'long-enough-pw' })).status).toBe(409);
  const short = await api('POST', '/api/users', { email: 'x@example.com', name: 'X', role: 'agent', password: 'short' });
  expect(short.status).toBe(400);
  expect(short.body.problems).toEqual([{ path: 'password', message: 'a password has at least 10 characters' }]);
  expect(
    (
      await api(
        'POST',
        '/api/users',
        { email: 'y@example.com', name: 'Y', role: 'agent', password: 'long-enough-pw' },
        { as: 'manager@demo' },
      )
    ).status,
  ).toBe(403);

  const session = (await login(email, 'long-enough-pw')).body.accessToken as string;
  expect((await api('POST', '/api/playbooks/social-care/publish', {}, withToken(session))).status).toBe(403);
  expect((await api('PATCH', `/api/users/${created.body.id}`, { role: 'viewer' })).status).toBe(200);
  expect((await api('GET', '/api/auth/me', undefined, withToken(session))).body.role).toBe('viewer');
  expect((await api('PATCH', `/api/users/${created.body.id}`, { disabled: true })).status).toBe(200);
  expect((await api('GET', '/api/auth/me', undefined, withToken(session))).status).toBe(401);
  expect((await login(email, 'long-enough-pw')).status).toBe(401);

  const me = (await api('GET', '/api/auth/me')).body;
  expect((await api('PATCH', `/api/users/${me.id}`, { role: 'agent' })).status).toBe(422);
  expect((await api('PATCH', '/api/users/00000000-0000-4000-8000-000000000000', { name: 'Ghost' })).status).toBe(404);
});

test('the IP allow-list admits listed addresses only, and will not lock out the admin setting it', async () => {
  const lockout = await api('PATCH', '/api/workspace/settings', { ipAllowList: ['198.51.100.0/24'] });
  expect(lockout.status).toBe(422);
  expect(lockout.body.message).toMatch(/lock you out/);
  const bad = await api('PATCH', '/api/workspace/settings', { ipAllowList: ['10.0.0.0/33'] });
  expect(bad.status).toBe(400);
  expect(bad.body.problems).toEqual([{ path: 'ipAllowList.0', message: '"10.0.0.0/33" is not a valid CIDR range' }]);

  // An api behind a trusted proxy on loopback sees the client's address from X-Forwarded-For.
  const proxied = await startOwnServices({ FIREBREAK_TRUST_PROXY: 'loopback' }, { worker: false });
  try {
    const allowed = ['127.0.0.1', '::1', '203.0.113.0/24'];
    expect((await api('PATCH', '/api/workspace/settings', { ipAllowList: allowed })).body.ipAllowList).toEqual(allowed);
    const token = await tokenFor('manager@demo');
    const from = (ip: string) =>
      fetch(`${proxied.url}/api/playbooks`, { headers: { authorization: `Bearer ${token}`, 'x-forwarded-for': ip } }).then(async (r) => ({
        status: r.status,
        body: (await r.json()) as any,
      }));
    await new Promise((r) => setTimeout(r, 1100)); // the settings cache lives a second
    expect((await from('203.0.113.5')).status).toBe(200);
    const outside = await from('198.51.100.7');
    expect(outside.status).toBe(403);
    expect(outside.body.message).toMatch(/198\.51\.100\.7 .*allow-list/);
    expect((await login('manager@demo', 'firebreak', { 'x-forwarded-for': '198.51.100.7' }, proxied.url)).status).toBe(403);
    // Webhooks carry their own signatures and come from the platforms' addresses.
    expect((await fetch(`${proxied.url}/api/health`, { headers: { 'x-forwarded-for': '198.51.100.7' } })).status).toBe(200);
  } finally {
    proxied.stop();
    expect((await api('PATCH', '/api/workspace/settings', { ipAllowList: [] })).status).toBe(200);
  }
});
