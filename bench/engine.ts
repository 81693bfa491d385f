/**
 * `npm run bench:engine`: the engine end to end on the embedded stack it starts itself
 * (real PostgreSQL, a real Temporal dev server, the api and the worker processes).
 *
 * 1. The bare-Temporal floor: an empty workflow with one no-op activity, same server, same
 *    worker settings, its own task queue — start → activity ran.
 * 2. Firebreak: POST /api/interactions (TWCS inbound tweets on X, not pinned to a playbook;
 *    the live playbook is a fresh publish of the example `social-care`) → the routing
 *    decision in Postgres. Both are loaded open-loop at rising fixed rates for a fixed
 *    duration per step; the headline is the highest rate each kept up with.
 * 3. A crisis burst: 2,000 interactions within 20 s → drain time, lost, duplicates,
 *    checked in Postgres and in Temporal's visibility.
 * Prints the figures and writes bench/results/engine.json. Loopback only.
 */
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { execSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { analyzeFor, compilePlaybook, InteractionRef, Playbook, simulate } from '@firebreak/engine';
import { BenchMessage, FirebreakTarget, pgCounters, perUnit, waitForPgStats } from './engine-firebreak';
import { findSustainedRate, runStep, Search, StepOptions } from './engine-load';
import { burstBooks, historyBreakdown, HistoryBreakdown } from './engine-observe';
import { cpuPerUnit, cpuSnapshot, startStack } from './engine-stack';
import { startFloor } from './floor';
import { WORKER_SETTINGS } from './floor-worker';
import { rng, twcs } from './lib/data';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const SETTINGS = {
  stepSeconds: env('BENCH_STEP_SECONDS', 15),
  rateFactor: env('BENCH_RATE_FACTOR', 1.5),
  p99BudgetMs: env('BENCH_P99_BUDGET_MS', 2000),
  floorStartRate: env('BENCH_FLOOR_START_RATE', 10),
  firebreakStartRate: env('BENCH_START_RATE', 5),
  maxRate: env('BENCH_MAX_RATE', 500),
  maxSteps: env('BENCH_MAX_STEPS', 9),
  burstInteractions: env('BENCH_BURST', 2000),
  burstSeconds: env('BENCH_BURST_SECONDS', 20),
  burstDrainTimeoutSeconds: env('BENCH_BURST_DRAIN_TIMEOUT', 600),
  historySample: 20,
  temporalStore: 'dev server, SQLite file, journal_mode=WAL, synchronous=NORMAL (as npm start)',
  worker: { ...WORKER_SETTINGS, otherwise: 'SDK defaults, same for Firebreak and the floor' },
};

const t0 = Date.now();
const log = (m: string) => console.log(`[bench:engine ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)}s] ${m}`);

/** TWCS inbound tweets (real CSV parser), as X messages from their authors; a few have big followings. */
function twcsMessages(): BenchMessage[] {
  const rand = rng(12);
  return twcs()
    .filter((r) => r.inbound === 'True' && r.text.trim())
    .map((r) => {
      const influencer = rand() < 0.03;
      return {
        text: r.text,
        author: {
          id: `twcs-${r.author_id}`,
          handle: `u${r.author_id}`,
          name: `Customer ${r.author_id}`,
          followers: influencer ? 50_000 + Math.floor(rand() * 200_000) : Math.floor(rand() * 2000),
          verified: influencer && rand() < 0.5,
        },
      };
    });
}

/** Which messages the playbook routes, by the engine's own simulation (the same interpreter as production). */
function routesIn(pb: Playbook, messages: BenchMessage[]): boolean[] {
  const compiled = compilePlaybook(pb);
  const now = new Date().toISOString();
  return messages.map((m, i) => {
    const interaction: InteractionRef = {
      id: `sim-${i}`,
      channel: 'x',
      visibility: 'public',
      text: m.text,
      author: m.author,
      receivedAt: now,
    };
    const facts = analyzeFor(compiled, interaction, { active: false, topics: [] });
    return simulate(pb, interaction, { facts }).state.path.some((s) => s.kind === 'route');
  });
}

async function json(url: string, method: string, body?: unknown, token?: string) {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** A session token for a demo user: the api is signed-in only. */
async function signIn(url: string, email: string): Promise<string> {
  const login = await json(`${url}/api/auth/login`, 'POST', { email, password: 'firebreak' });
  if (login.status !== 200) throw new Error(`login as ${email} → ${login.status} ${JSON.stringify(login.body)}`);
  return login.body.accessToken as string;
}

/** A fresh publish of the example `social-care`: the newest live playbook takes all un-pinned X traffic. */
async function publishBenchPlaybook(url: string): Promise<{ versionId: string; version: number; graph: Playbook }> {
  const token = await signIn(url, 'manager@demo');
  const pb = await json(`${url}/api/playbooks/social-care`, 'GET', undefined, token);
  if (pb.status !== 200) throw new Error(`GET /api/playbooks/social-care → ${pb.status}`);
  const draft = await json(`${url}/api/playbooks/social-care/draft`, 'PUT', pb.body.draft, token);
  if (draft.status >= 300) throw new Error(`PUT draft → ${draft.status} ${JSON.stringify(draft.body)}`);
  const published = await json(`${url}/api/playbooks/social-care/publish`, 'POST', { note: 'engine benchmark' }, token);
  if (published.status >= 300) throw new Error(`publish → ${published.status} ${JSON.stringify(published.body)}`);
  return { versionId: published.body.id, version: published.body.version, graph: pb.body.draft };
}

function summary(s: Search) {
  return { best: s.best, peakPerSec: s.peakPerSec, steps: s.steps };
}

/** Evenly spread unit keys of the best step (the first if none kept up), for reading their histories. */
function sampleKeys(s: Search, prefix: string, n: number): string[] {
  const step = s.best ?? s.steps[0];
  const units = step.submitted + step.errors;
  const k = Math.min(units, n);
  return Array.from({ length: k }, (_, i) => `${prefix}${s.steps.indexOf(step)}-${Math.floor((i * units) / k)}`);
}

/** With every core busy, throughput is cores ÷ CPU per unit: the ceiling each system's CPU cost allows. */
function cpuCeiling(cpuMs: Record<string, number>) {
  return Math.round(((cpus().length * 1000) / cpuMs.total) * 10) / 10;
}

async function main() {
  const messages = twcsMessages();
  log(
    `${messages.length} TWCS inbound tweets; load ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')} on ${cpus().length} cores`,
  );
  const loadBefore = loadavg();
  const stack = await startStack(log);
  const db = new Client({ connectionString: stack.databaseUrl });
  const connection = await Connection.connect({ address: stack.temporalAddress });
  const temporal = new TemporalClient({ connection });
  let floorStop: (() => Promise<void>) | undefined;
  try {
    await db.connect();
    const bench = await publishBenchPlaybook(stack.url);
    const routes = routesIn(bench.graph, messages);
    const routed = messages.filter((_, i) => routes[i]);
    log(
      `published social-care v${bench.version}; ${routed.length} of ${messages.length} messages reach a route node (the rest: noise or sensitive data ends)`,
    );
    const steps: Omit<StepOptions, 'rate' | 'prefix'> = { seconds: SETTINGS.stepSeconds, p99BudgetMs: SETTINGS.p99BudgetMs, log };
    const search = { ...steps, factor: SETTINGS.rateFactor, maxRate: SETTINGS.maxRate, maxSteps: SETTINGS.maxSteps };

    // 1. The floor.
    const floor = await startFloor(stack.dir, stack.temporalAddress, String(t0));
    floorStop = floor.stop;
    await runStep(floor.target, { prefix: 'warm-', rate: 10, seconds: 3 });
    const floorCpu0 = cpuSnapshot(stack, { floorWorker: floor.workerPid });
    const floorSearch = await findSustainedRate(floor.target, { ...search, prefix: 'f', startRate: SETTINGS.floorStartRate });
    const floorUnits = floorSearch.steps.reduce((s, r) => s + r.completed, 0);
    // Firebreak's api, worker and Postgres sit idle meanwhile: not the floor's cost.
    const floorCpu = cpuPerUnit(floorCpu0, cpuSnapshot(stack, { floorWorker: floor.workerPid }), floorUnits, [
      'temporal',
      'floorWorker',
      'loadGenerator',
    ]);
    const floorIds = sampleKeys(floorSearch, 'f', SETTINGS.historySample).map((k) => `floor:${t0}:${k}`);
    const floorHistory = await historyBreakdown(temporal, floorIds, 'noop');
    await floor.stop();
    floorStop = undefined;

    // 2. Firebreak, sustained.
    const target = new FirebreakTarget(stack.url, await signIn(stack.url, 'agent@demo'), db, routed, bench.versionId);
    await runStep(target, { prefix: 'warm-', rate: 5, seconds: 4 });
    await waitForPgStats();
    const pg0 = await pgCounters(db);
    const polls0 = target.polls;
    const fbCpu0 = cpuSnapshot(stack);
    const fbSearch = await findSustainedRate(target, { ...search, prefix: 'e', startRate: SETTINGS.firebreakStartRate });
    // Let the runs go on to the wait after their routing decision, so the counters cover whole runs.
    await new Promise((r) => setTimeout(r, 3000));
    const fbUnits = fbSearch.steps.reduce((s, r) => s + r.completed, 0);
    const fbCpu = cpuPerUnit(fbCpu0, cpuSnapshot(stack), fbUnits);
    await waitForPgStats();
    const pgPer = perUnit(pg0, await pgCounters(db), fbUnits, { commits: target.polls - polls0 + 2 });
    const fbIds = sampleKeys(fbSearch, 'e', SETTINGS.historySample).map((k) => `interaction:x:${k}`);
    const breakdown = await historyBreakdown(temporal, fbIds);

    // 3. The crisis burst: the real mix of tweets, routed or ended.
    log(`burst: ${SETTINGS.burstInteractions} interactions within ${SETTINGS.burstSeconds}s`);
    const burstTarget = new FirebreakTarget(stack.url, await signIn(stack.url, 'agent@demo'), db, messages, bench.versionId);
    const burst = await runStep(burstTarget, {
      prefix: 'burst-',
      rate: SETTINGS.burstInteractions / SETTINGS.burstSeconds,
      seconds: SETTINGS.burstSeconds,
      drainTimeoutMs: SETTINGS.burstDrainTimeoutSeconds * 1000,
      p99BudgetMs: Infinity,
      log,
    });
    const ids = Array.from({ length: SETTINGS.burstInteractions }, (_, i) => `burst-${i}`);
    const books = await burstBooks(db, temporal, ids);

    const interactionsPerSec = fbSearch.best?.achievedPerSec ?? 0;
    const floorWorkflowsPerSec = floorSearch.best?.achievedPerSec ?? 0;
    const result = {
      benchmark: 'engine',
      at: new Date().toISOString(),
      interactionsPerSec,
      p50Ms: fbSearch.best?.p50Ms ?? null,
      p99Ms: fbSearch.best?.p99Ms ?? null,
      offeredPerSec: fbSearch.best?.offeredPerSec ?? null,
      floorWorkflowsPerSec,
      floorP50Ms: floorSearch.best?.p50Ms ?? null,
      floorP99Ms: floorSearch.best?.p99Ms ?? null,
      ratioToFloor: floorWorkflowsPerSec ? Math.round((interactionsPerSec / floorWorkflowsPerSec) * 1000) / 1000 : null,
      peak: {
        interactionsPerSec: fbSearch.peakPerSec,
        floorWorkflowsPerSec: floorSearch.peakPerSec,
        ratio: Math.round((fbSearch.peakPerSec / floorSearch.peakPerSec) * 1000) / 1000,
      },
      burst: {
        posted: burst.submitted,
        postErrors: burst.errors,
        postSeconds: burst.submitSeconds,
        // How late the generator sent its last scheduled POST (it holds back at 512 in flight).
        sendLagMaxMs: burst.generatorLagMaxMs,
        drainSeconds: burst.drainSeconds,
        lost: books.lost,
        duplicates: books.duplicates,
        outcomes: burst.outcomes,
        p50Ms: burst.p50Ms,
        p99Ms: burst.p99Ms,
        acceptP99Ms: burst.acceptP99Ms,
        books,
      },
      whereTheTimeGoes: {
        perInteraction: { temporal: breakdown, postgres: pgPer, cpuMs: fbCpu },
        perFloorWorkflow: { temporal: floorHistory, cpuMs: floorCpu },
        cpuCeilingPerSec: {
          firebreak: cpuCeiling(fbCpu),
          floor: cpuCeiling(floorCpu),
          ratio: Math.round((floorCpu.total / fbCpu.total) * 1000) / 1000,
        },
      },
      firebreak: { playbook: `social-care v${bench.version}`, messages: routed.length, ...summary(fbSearch) },
      floor: summary(floorSearch),
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model,
        memGiB: Math.round(totalmem() / 2 ** 30),
        node: process.version,
        temporalCli: temporalVersion(),
        loadAvgBefore: loadBefore,
        loadAvgAfter: loadavg(),
      },
      settings: SETTINGS,
    };
    const out = join(__dirname, 'results', 'engine.json');
    mkdirSync(join(__dirname, 'results'), { recursive: true });
    writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
    print(result);
    log(`wrote ${out}`);
  } finally {
    await floorStop?.().catch(() => {});
    await connection.close().catch(() => {});
    await db.end().catch(() => {});
    await stack.stop();
  }
}

function temporalVersion(): string | null {
  try {
    return execSync(`"${process.env.TEMPORAL_CLI_PATH ?? 'temporal'}" --version`, {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${process.env.PATH}:${join(__dirname, '..', '.tools', 'py', 'bin')}` },
    }).trim();
  } catch {
    return null;
  }
}

function print(r: { [k: string]: unknown }) {
  const b = r.burst as Record<string, unknown>;
  type Side = { cpuMs: Record<string, number>; temporal: HistoryBreakdown; postgres?: Record<string, number> };
  const w = r.whereTheTimeGoes as { perInteraction: Side; perFloorWorkflow: Side; cpuCeilingPerSec: unknown };
  console.log(`
  Firebreak  ${r.interactionsPerSec} interactions/s sustained (POST → routing decision in Postgres), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms
  Floor      ${r.floorWorkflowsPerSec} workflows/s sustained (start → no-op activity ran), p50 ${r.floorP50Ms} ms, p99 ${r.floorP99Ms} ms
  ratioToFloor ${r.ratioToFloor}   (at peak under overload: ${JSON.stringify(r.peak)})
  Burst      ${b.posted} posted, drained in ${b.drainSeconds}s, lost ${b.lost}, duplicates ${b.duplicates}, outcomes ${JSON.stringify(b.outcomes)}
  Where the time goes (per interaction vs per floor workflow):
    CPU ms       ${JSON.stringify(w.perInteraction.cpuMs)}
                 ${JSON.stringify(w.perFloorWorkflow.cpuMs)}
    CPU ceiling  ${JSON.stringify(w.cpuCeilingPerSec)} per second
    Temporal     ${w.perInteraction.temporal.activitiesToRoute} activities to the routing decision ${JSON.stringify(w.perInteraction.temporal.activityTypesToRoute)}, ${w.perInteraction.temporal.activitiesInRun} in the run; ${w.perInteraction.temporal.workflowTasksToRoute} workflow tasks, ${w.perInteraction.temporal.historyEventsToRoute} history events (floor: ${w.perFloorWorkflow.temporal.activitiesToRoute} activity, ${w.perFloorWorkflow.temporal.workflowTasksToRoute} workflow tasks, ${w.perFloorWorkflow.temporal.historyEventsToRoute} events)
    Postgres     ${JSON.stringify(w.perInteraction.postgres)}
`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
