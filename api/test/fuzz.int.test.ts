import fc from 'fast-check';
import { createHmac } from 'crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Client } from 'pg';
import { tokenFor } from './support/http';
import { repoRoot, startOwnServices } from './support/stack';
import { mutatedJson, seeds } from './support/fuzz-payloads';

/**
 * Property-based fuzzing of the endpoints that take outsiders' payloads: the X and Meta
 * webhooks, the generic interaction ingest and playbook import. Real-shaped payloads are
 * mutated (fields dropped, retyped, nested, duplicated), and random JSON and non-JSON bodies
 * are thrown in. Whatever arrives: never a 5xx, the api stays up, and a rejected request
 * writes nothing. The counts go to bench/results/fuzz.json.
 *
 * The api is this file's own, with the webhook secrets set and a task queue no worker polls:
 * accepted interactions start runs that wait in Temporal, so the row counts move only by
 * what the requests themselves write.
 */
const RUNS_PER_TARGET = Number(process.env.FIREBREAK_FUZZ_RUNS ?? 2500);
const X_SECRET = 'fuzz-x-secret';
const META_SECRET = 'fuzz-meta-secret';
type Target = 'webhook-x' | 'webhook-meta' | 'interactions' | 'playbook-import';

interface Tally {
  sent: number;
  accepted: number;
  rejected: number;
  serverErrors: number;
  statuses: Record<string, number>;
  rejectedThatWrote: number;
}

let db: Client;
let services: Awaited<ReturnType<typeof startOwnServices>>;
const tallies = {} as Record<Target, Tally>;
const started = Date.now();

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  services = await startOwnServices(
    { X_CONSUMER_SECRET: X_SECRET, META_APP_SECRET: META_SECRET, TEMPORAL_TASK_QUEUE: `fuzz-nobody-polls-${Date.now()}` },
    { worker: false },
  );
}, 120_000);

afterAll(async () => {
  const total = Object.values(tallies).reduce((n, t) => n + t.sent, 0);
  const report = {
    generatedAt: new Date().toISOString(),
    command: 'npx jest --selectProjects=stack --testPathPatterns fuzz (part of npm test)',
    runsPerTarget: RUNS_PER_TARGET,
    total,
    serverErrors: Object.values(tallies).reduce((n, t) => n + t.serverErrors, 0),
    rejectedThatWrote: Object.values(tallies).reduce((n, t) => n + t.rejectedThatWrote, 0),
    apiStayedUp: (await fetch(`${services.url}/api/health`).catch(() => null))?.status === 200,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    targets: tallies,
  };
  mkdirSync(join(repoRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(join(repoRoot, 'bench', 'results', 'fuzz.json'), JSON.stringify(report, null, 2) + '\n');
  services?.stop();
  await db?.end();
});

/** Rows the four endpoints write synchronously; the audit log is left out (it records rejections too, by design). */
async function rowCounts(): Promise<string> {
  const { rows } = await db.query(`SELECT (SELECT count(*) FROM interactions) i, (SELECT count(*) FROM customers) c,
      (SELECT count(*) FROM customer_identities) ci, (SELECT count(*) FROM playbooks) p, (SELECT count(*) FROM playbook_versions) v`);
  return JSON.stringify(rows[0]);
}

interface FuzzRequest {
  body: string;
  headers: Record<string, string>;
}

async function send(target: Target, path: string, req: FuzzRequest): Promise<void> {
  const tally = (tallies[target] ??= { sent: 0, accepted: 0, rejected: 0, serverErrors: 0, statuses: {}, rejectedThatWrote: 0 });
  const before = await rowCounts();
  const res = await fetch(`${services.url}${path}`, { method: 'POST', headers: req.headers, body: req.body });
  const text = await res.text();
  tally.sent++;
  tally.statuses[res.status] = (tally.statuses[res.status] ?? 0) + 1;
  if (res.status >= 500) {
    tally.serverErrors++;
    throw new Error(`${path} answered ${res.status} ${text.slice(0, 300)} to ${req.body.slice(0, 500)}`);
  }
  expect(res.headers.get('content-type') ?? '').toMatch(/json/);
  if (res.status >= 400) {
    tally.rejected++;
    expect(JSON.parse(text).message).toEqual(expect.anything());
    const after = await rowCounts();
    if (after !== before) {
      tally.rejectedThatWrote++;
      throw new Error(`${path} rejected (${res.status}) but wrote rows: ${before} → ${after}; body ${req.body.slice(0, 500)}`);
    }
  } else tally.accepted++;
}

/** A body: mostly a mutated real payload, sometimes random JSON, sometimes not JSON at all. */
const bodyOf = (seedList: unknown[]) =>
  fc.oneof(
    { weight: 6, arbitrary: mutatedJson(seedList) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 400 }) },
    { weight: 1, arbitrary: mutatedJson(seedList).chain((s) => fc.nat(s.length).map((n) => s.slice(0, n))) },
  );

const signX = (body: string, good: boolean) => ({
  'content-type': 'application/json',
  'x-twitter-webhooks-signature': `sha256=${createHmac('sha256', good ? X_SECRET : 'not-the-secret')
    .update(body)
    .digest('base64')}`,
});
const signMeta = (body: string, good: boolean) => ({
  'content-type': 'application/json',
  'x-hub-signature-256': `sha256=${createHmac('sha256', good ? META_SECRET : 'not-the-secret')
    .update(body)
    .digest('hex')}`,
});

async function fuzz(target: Target, path: string, arbitrary: fc.Arbitrary<FuzzRequest>) {
  await fc.assert(
    fc.asyncProperty(arbitrary, (req) => send(target, path, req)),
    { numRuns: RUNS_PER_TARGET, seed: Number(process.env.FIREBREAK_FUZZ_SEED ?? 20261125), endOnFailure: true },
  );
  expect((await fetch(`${services.url}/api/health`)).status).toBe(200);
  expect(tallies[target].sent).toBeGreaterThanOrEqual(RUNS_PER_TARGET);
}

test('X webhook: mutated and random deliveries, mostly well signed', async () => {
  const arb = fc.tuple(bodyOf(seeds.x), fc.integer({ min: 0, max: 9 })).map(([body, n]) => ({
    body,
    headers: signX(body, n > 0),
  }));
  await fuzz('webhook-x', '/api/webhooks/x', arb);
}, 600_000);

test('Meta webhook: mutated and random deliveries, mostly well signed', async () => {
  const arb = fc.tuple(bodyOf(seeds.meta), fc.integer({ min: 0, max: 9 })).map(([body, n]) => ({ body, headers: signMeta(body, n > 0) }));
  await fuzz('webhook-meta', '/api/webhooks/meta', arb);
}, 600_000);

test('generic interaction ingest with an integration token', async () => {
  const auth = { authorization: `Bearer ${await tokenFor('agent@demo')}`, 'content-type': 'application/json' };
  await fuzz(
    'interactions',
    '/api/interactions',
    bodyOf(seeds.interactions).map((body) => ({ body, headers: auth })),
  );
}, 600_000);

test('playbook import as a manager', async () => {
  const auth = { authorization: `Bearer ${await tokenFor('manager@demo')}`, 'content-type': 'application/json' };
  const example = JSON.parse(readFileSync(join(repoRoot, 'playbooks', 'escalation-map.json'), 'utf8'));
  const exported = {
    $export: { format: 'firebreak.playbook', formatVersion: 1, exportedAt: '2026-11-25T00:00:00Z', source: { key: 'x', version: 1 } },
  };
  const fresh = fc
    .tuple(fc.stringMatching(/^[a-z0-9]{6,12}$/), fc.boolean())
    .map(([k, wrapped]) => ({ ...(wrapped ? exported : {}), ...example, key: `fuzz-${k}` }));
  const arb = fc.oneof(
    { weight: 1, arbitrary: fresh.map((pb) => JSON.stringify(pb)) },
    { weight: 9, arbitrary: bodyOf([example, { ...exported, ...example }]) },
  );
  await fuzz(
    'playbook-import',
    '/api/playbooks/import',
    arb.map((body) => ({ body, headers: auth })),
  );
  expect(tallies['playbook-import'].accepted).toBeGreaterThan(0);
}, 600_000);
