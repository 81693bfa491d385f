import { ChildProcess, spawn } from 'child_process';
import { join } from 'path';
import { waitForOutput } from '../dist/runtime/processes';
import { api, eventually, tokenFor } from './support/http';
import { freePort, readState } from './support/stack';

/**
 * Operations on the real stack: Prometheus exposition, OpenAPI with every operation's error
 * responses, JSON error bodies, and the structured logs of an api and a worker of this
 * file's own (so their whole output can be read), secrets included in their environment.
 */

/** `name{labels} value` → value, for the samples of one scrape. */
type Samples = Map<string, number>;

/** Parse the text exposition format strictly: every line a comment or a valid sample, every sample's family typed. */
function parseExposition(text: string): Samples {
  const samples: Samples = new Map();
  const typed = new Set<string>();
  for (const line of text.split('\n')) {
    if (!line) continue;
    const type = /^# TYPE ([a-zA-Z_:][\w:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type) typed.add(type[1]);
    if (line.startsWith('#')) {
      expect(line).toMatch(/^# (HELP|TYPE) [a-zA-Z_:][\w:]* /);
      continue;
    }
    const m = /^([a-zA-Z_:][\w:]*)(\{(?:[a-zA-Z_]\w*="(?:[^"\\]|\\.)*",?)*\})? (-?[\d.e+-]+|NaN|\+Inf|-Inf)( \d+)?$/.exec(line);
    if (!m) throw new Error(`not a Prometheus sample line: ${line}`);
    const family = m[1].replace(/_(bucket|sum|count)$/, '');
    if (!typed.has(m[1]) && !typed.has(family)) throw new Error(`sample without a # TYPE: ${line}`);
    samples.set(`${m[1]}${m[2] ?? ''}`, Number(m[3]));
  }
  return samples;
}

async function scrape(base = process.env.FIREBREAK_URL!): Promise<Samples> {
  const res = await fetch(`${base}/api/metrics/prometheus`, { headers: { authorization: `Bearer ${await tokenFor('admin@demo')}` } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
  return parseExposition(await res.text());
}

const value = (s: Samples, key: string) => s.get(key) ?? 0;
let seq = 0;
const unique = (p: string) => `${p}-${Date.now()}-${++seq}`;

describe('Prometheus', () => {
  test('admins only: anonymous 401, a manager 403', async () => {
    expect((await api('GET', '/api/metrics/prometheus', undefined, { as: null })).status).toBe(401);
    expect((await api('GET', '/api/metrics/prometheus', undefined, { as: 'manager@demo' })).status).toBe(403);
  });

  test('the exposition parses; HTTP counters move by route pattern; the workspace figures follow the database', async () => {
    const before = await scrape();
    for (const name of ['process_cpu_seconds_total', 'nodejs_heap_size_used_bytes', 'firebreak_workspace_metrics_up'])
      expect(before.has(name)).toBe(true);
    expect(before.get('firebreak_workspace_metrics_up')).toBe(1);

    for (let i = 0; i < 3; i++) expect((await api('GET', '/api/crises', undefined, { as: 'viewer@demo' })).status).toBe(200);
    const missing = await api('GET', `/api/interactions/00000000-0000-4000-8000-${String(Date.now()).slice(-12)}`);
    expect(missing.status).toBe(404);
    const sent = await api('POST', '/api/interactions', {
      channel: 'chat',
      externalId: unique('prom'),
      author: { id: unique('p') },
      text: 'hello, my parcel never arrived',
      playbook: 'social-care',
    });
    expect(sent.status).toBe(202);

    const after = await scrape();
    const crises = 'firebreak_http_requests_total{method="GET",route="/api/crises",status="200"}';
    expect(value(after, crises) - value(before, crises)).toBe(3);
    // The route label is the pattern, never the id in the path.
    const one = 'firebreak_http_requests_total{method="GET",route="/api/interactions/:id",status="404"}';
    expect(value(after, one) - value(before, one)).toBe(1);
    expect([...after.keys()].some((k) => /[0-9a-f]{8}-[0-9a-f]{4}-/.test(k))).toBe(false);
    const count = 'firebreak_http_request_duration_seconds_count{method="GET",route="/api/crises",status="200"}';
    expect(value(after, count) - value(before, count)).toBe(3);
    expect(after.get('firebreak_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/api/crises",status="200"}')).toBe(
      after.get(count),
    );
    const chat = 'firebreak_interactions_ingested_total{channel="chat"}';
    expect(value(after, chat) - value(before, chat)).toBe(1);

    const runs = 'firebreak_runs_started_total{playbook="social-care"}';
    await eventually(async () => (value(await scrape(), runs) > value(before, runs) ? true : undefined), 30_000, 'the run to count');
  });
});

describe('OpenAPI and errors', () => {
  const PUBLIC = [/^\/api\/health$/, /^\/api\/auth\/login$/, /^\/api\/webhooks\//];

  test('every operation has a summary and declares its error responses with the shared error schema', async () => {
    const doc = (await api('GET', '/api/docs/json', undefined, { as: null })).body;
    expect(doc.components.schemas.Error.required).toEqual(['statusCode', 'error', 'message']);
    const problems: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries<Record<string, any>>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        operations++;
        const name = `${method.toUpperCase()} ${path}`;
        if (!op.summary?.trim()) problems.push(`${name}: no summary`);
        const errors = Object.keys(op.responses).filter((s) => /^[45]\d\d$/.test(s));
        const isPublic = PUBLIC.some((r) => r.test(path));
        if (!isPublic && !['401', '403'].every((s) => errors.includes(s))) problems.push(`${name}: no 401/403`);
        if (path.includes('{') && !errors.includes('404')) problems.push(`${name}: a path id but no 404`);
        if (op.requestBody && !errors.includes('400')) problems.push(`${name}: a body but no 400`);
        if (!errors.length) problems.push(`${name}: no error response at all`);
        for (const s of errors)
          if (op.responses[s].content?.['application/json']?.schema?.$ref !== '#/components/schemas/Error')
            problems.push(`${name}: ${s} without the error schema`);
      }
    }
    expect(problems).toEqual([]);
    expect(operations).toBeGreaterThan(50);
    expect((await fetch(`${process.env.FIREBREAK_URL}/api/docs`)).status).toBe(200);
  });

  test('every 4xx body is JSON with a message; validation errors name the field paths', async () => {
    const expectError = (r: { status: number; body: any }, status: number) => {
      expect(r.status).toBe(status);
      expect(r.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.anything() });
    };
    expectError(await api('GET', '/api/no-such-thing'), 404);
    expectError(await api('GET', '/api/crises', undefined, { as: null }), 401);
    expectError(await api('POST', '/api/crises', { topic: 'x' }, { as: 'viewer@demo' }), 403);
    expectError(await api('POST', '/api/interactions', '{"channel": "x", '), 400);

    const invalid = await api('POST', '/api/interactions', { channel: 'carrier-pigeon', author: {}, text: 42 });
    expectError(invalid, 400);
    const paths = invalid.body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['channel', 'text']));

    const topic = unique('twice');
    const first = await api('POST', '/api/crises', { topic }, { as: 'manager@demo' });
    expectError(await api('POST', '/api/crises', { topic }, { as: 'manager@demo' }), 409);
    await api('POST', `/api/crises/${first.body.id}/stand-down`, {}, { as: 'manager@demo' });

    const nobody = await api('POST', '/api/interactions', {
      channel: 'x',
      externalId: unique('nobody'),
      author: { id: 'n' },
      text: 'hi',
      playbook: 'no-such-playbook',
    });
    expectError(nobody, 422);
  });
});

describe('structured logs (an api and a worker of this file, secrets in their environment)', () => {
  const secrets = {
    X_CONSUMER_SECRET: 'xcs-0f9e8d7c6b5a4f3e2d1c',
    X_BEARER_TOKEN: 'xbt-AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid',
    META_APP_SECRET: 'mas-5e4d3c2b1a0f9e8d7c6b',
    META_VERIFY_TOKEN: 'mvt-verify-me-please-7731',
    META_PAGE_ACCESS_TOKEN: 'mpat-EAAGm0PX4ZCpsBAKZA2xq',
  };
  const children: ChildProcess[] = [];
  let out = '';
  let url = '';
  let workerMetrics = '';
  const lines = () =>
    out
      .split('\n')
      .slice(0, -1) // the last one may be half-written
      .filter(Boolean);

  /** Start a built entry point with this file's environment; everything it prints is kept from its first byte. */
  async function start(entry: string, env: Record<string, string>, ready: RegExp) {
    const state = readState();
    const child = spawn(process.execPath, [join(__dirname, '..', 'dist', entry)], {
      env: { ...process.env, DATABASE_URL: state.databaseUrl, TEMPORAL_ADDRESS: state.temporalAddress, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    child.stdout!.on('data', (d: Buffer) => (out += d));
    child.stderr!.on('data', (d: Buffer) => (out += d));
    await waitForOutput(child, ready, 60_000, entry);
  }

  beforeAll(async () => {
    const port = await freePort();
    const metricsPort = await freePort();
    workerMetrics = `http://127.0.0.1:${metricsPort}/metrics`;
    const env = { ...secrets, TEMPORAL_TASK_QUEUE: unique('ops-logs'), FIREBREAK_LOG_LEVEL: 'debug', PORT: String(port) };
    await start('worker/main.js', { ...env, FIREBREAK_WORKER_METRICS_ADDRESS: `127.0.0.1:${metricsPort}` }, /worker running/);
    await start('main.js', env, /api listening/);
    url = `http://127.0.0.1:${port}`;
  }, 120_000);
  afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

  const call = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(`${url}${path}`, init);
    await res.text();
    return res;
  };

  test("every line is one JSON object; an interaction's processing is logged with its interaction, workflow and run ids", async () => {
    const token = await tokenFor('agent@demo');
    const res = await fetch(`${url}/api/interactions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-request-id': 'ops-test-request-1' },
      body: JSON.stringify({
        channel: 'x',
        externalId: unique('logs'),
        author: { id: unique('l'), handle: 'angela' },
        text: '@brand where is my order?? two weeks late',
        playbook: 'social-care',
      }),
    });
    expect(res.status).toBe(202);
    expect(res.headers.get('x-request-id')).toBe('ops-test-request-1');
    const { id, workflowId } = (await res.json()) as { id: string; workflowId: string };

    const activityLines = await eventually(
      async () => {
        const found = lines()
          .map((l) => JSON.parse(l))
          .filter((l) => l.interactionId === id && l.msg === 'activity completed');
        return found.some((l) => l.activity === 'route') ? found : undefined;
      },
      60_000,
      "the worker's activity lines",
    );
    for (const l of activityLines) {
      expect(l).toMatchObject({ service: 'worker', level: 'info', workflowId, runId: expect.any(String), time: expect.any(String) });
      expect(Number.isNaN(Date.parse(l.time))).toBe(false);
    }
    expect(activityLines.find((l) => l.activity === 'route')).toMatchObject({ nodeId: expect.any(String), durationMs: expect.any(Number) });

    const http = lines()
      .map((l) => JSON.parse(l))
      .find((l) => l.msg === 'http request' && l.reqId === 'ops-test-request-1');
    expect(http).toMatchObject({ service: 'api', method: 'POST', route: '/api/interactions', status: 202, durationMs: expect.any(Number) });
    // Each line has its own fields: nothing logged earlier in the request (the live event it published) sticks to it.
    expect(http.event).toBeUndefined();
    expect(activityLines.filter((l) => 'event' in l)).toEqual([]);

    for (const line of lines()) {
      let parsed: Record<string, unknown>;
      expect(() => (parsed = JSON.parse(line))).not.toThrow();
      expect(parsed!).toMatchObject({ time: expect.any(String), level: expect.any(String), msg: expect.any(String) });
    }
  });

  test("the worker exports the Temporal SDK's own metrics when asked to", async () => {
    const text = await eventually(
      async () => {
        const res = await fetch(workerMetrics).catch(() => undefined);
        const body = res?.ok ? await res.text() : '';
        return /^temporal_\w+/m.test(body) ? body : undefined;
      },
      30_000,
      'the worker metrics',
    );
    expect(text).toMatch(/^# TYPE temporal_\w+ (counter|gauge|histogram)/m);
  });

  test('secrets never appear in the output: configured ones, tokens, passwords, cookies, signatures', async () => {
    const token = await tokenFor('admin@demo');
    const password = unique('hunter2');
    const cookie = unique('session-cookie-value');
    // A wrong password, and the right one.
    await call('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo', password }),
    });
    await call('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo', password: 'firebreak' }),
    });
    // Bearer token in a header, with a cookie; the token in the events URL; a secret in a path and a query.
    await call('/api/crises', { headers: { authorization: `Bearer ${token}`, cookie: `fb=${cookie}` } });
    const events = new AbortController();
    const stream = await fetch(`${url}/api/events?access_token=${token}`, { signal: events.signal });
    expect(stream.status).toBe(200);
    events.abort();
    await call(`/api/no-such-route/${secrets.X_BEARER_TOKEN}?token=${secrets.META_PAGE_ACCESS_TOKEN}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    // The webhooks: a subscription check with the verify token, a CRC, a delivery with a (wrong) signature.
    const verify = await call(`/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=${secrets.META_VERIFY_TOKEN}&hub.challenge=4242`);
    expect(verify.status).toBe(200);
    expect((await call('/api/webhooks/x?crc_token=abc')).status).toBe(200);
    const signed = await call('/api/webhooks/x', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-twitter-webhooks-signature': `sha256=${secrets.X_CONSUMER_SECRET}` },
      body: JSON.stringify({ for_user_id: '1', tweet_create_events: [] }),
    });
    expect(signed.status).toBe(401);
    // A request that fails validation with a secret inside its body.
    await call('/api/crises', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ topic: '', secret: secrets.META_APP_SECRET }),
    });

    // Wait for the last request's line, then look at everything printed so far.
    await eventually(async () =>
      lines().some((l) => l.includes('"route":"/api/crises"') && l.includes('"status":400')) ? true : undefined,
    );
    const printed = out;
    expect(printed).toContain('"route":"/api/webhooks/meta"'); // the requests were logged…
    for (const [name, secret] of Object.entries(secrets)) expect({ name, found: printed.includes(secret) }).toEqual({ name, found: false });
    expect(printed).not.toContain(token);
    expect(printed).not.toContain(token.split('.')[2]); // not even the JWT's signature part
    expect(printed).not.toContain(password);
    expect(printed).not.toContain(cookie);
    expect(printed).not.toMatch(/postgres:\/\/[^:]+:(?!\[Redacted\])[^@]+@/); // the database password
  });
});
