import { ChildProcess, spawn } from 'child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { createServer } from 'net';
import { tmpdir } from 'os';
import { join, resolve } from 'path';

/**
 * The real stack for integration and browser tests: one embedded PostgreSQL and one
 * Temporal dev server per test run (started by the global setup), and the api and the
 * worker as real processes from the built code, exactly as `npm start` runs them.
 */
export const repoRoot = resolve(__dirname, '..', '..', '..');
const dist = (p: string) => join(repoRoot, 'api', 'dist', p);

export interface StackState {
  dir: string;
  url: string;
  databaseUrl: string;
  temporalAddress: string;
  pids: number[];
}

export const statePath = () => process.env.FIREBREAK_TEST_STATE!;
export const readState = (): StackState => JSON.parse(readFileSync(statePath(), 'utf8'));
export const writeState = (s: StackState) => writeFileSync(statePath(), JSON.stringify(s));

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });
}

export function newStackDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'firebreak-test-'));
  chmodSync(dir, 0o755); // as root, Postgres runs as the postgres user and must reach its data dir
  return dir;
}

function env(s: Pick<StackState, 'databaseUrl' | 'temporalAddress'>, extra: Record<string, string> = {}) {
  return { ...process.env, DATABASE_URL: s.databaseUrl, TEMPORAL_ADDRESS: s.temporalAddress, ...extra };
}

/** Start the worker process; resolves once it polls its task queue. */
export async function startWorker(s: StackState): Promise<ChildProcess> {
  const child = spawn(process.execPath, [dist('worker/main.js')], { env: env(s), stdio: ['ignore', 'pipe', 'pipe'], detached: false });
  await waitForOutput(child, /worker running/, 30_000, 'the worker');
  return child;
}

export async function startApi(s: StackState, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [dist('main.js')], { env: env(s, { PORT: String(port) }), stdio: ['ignore', 'pipe', 'pipe'] });
  await waitForOutput(child, /api listening/, 60_000, 'the api');
  return child;
}

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<void> {
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start within ${timeoutMs / 1000}s:\n${out}`)), timeoutMs);
    const onData = (d: Buffer) => {
      out = (out + d).slice(-8000);
      if (pattern.test(out)) {
        clearTimeout(timer);
        ok();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => (out = (out + d).slice(-8000)));
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited with code ${code}:\n${out}`));
    });
  });
}

/** Processes must not hold the test run open: detach our pipes once they are up. */
export function release(child: ChildProcess) {
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  child.removeAllListeners('exit');
  child.unref();
  (child.stdout as unknown as { unref?: () => void })?.unref?.();
  (child.stderr as unknown as { unref?: () => void })?.unref?.();
}
