import { ChildProcess, spawn } from 'child_process';
import { createServer } from 'net';
import { join } from 'path';

/**
 * The api and the worker as real processes from the built code, exactly as `npm start`
 * runs them. Shared by the stack tests (api/test/support) and the engine benchmark
 * (bench/engine.ts), which both run the whole stack on servers of their own.
 */
const dist = (p: string) => join(__dirname, '..', p);

export interface ServiceEnv {
  databaseUrl: string;
  temporalAddress: string;
}

/** A free loopback port, so parallel stacks never collide. */
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

function env(s: ServiceEnv, extra: Record<string, string> = {}) {
  return { ...process.env, DATABASE_URL: s.databaseUrl, TEMPORAL_ADDRESS: s.temporalAddress, ...extra };
}

/** Start the worker process; resolves once it polls its task queue. */
export async function startWorker(s: ServiceEnv, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [dist('worker/main.js')], {
    env: env(s, extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: false,
  });
  await waitForOutput(child, /worker running/, 30_000, 'the worker');
  return child;
}

/** Start the api process on `port`; resolves once it listens. */
export async function startApi(s: ServiceEnv, port: number, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [dist('main.js')], {
    env: env(s, { ...extraEnv, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await waitForOutput(child, /api listening/, 60_000, 'the api');
  return child;
}

/** Resolves when the child prints `pattern`; fails with its last output if it exits or takes too long. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number, what: string): Promise<void> {
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

/** Processes must not hold the parent open: detach our pipes once they are up. */
export function release(child: ChildProcess) {
  child.stdout?.removeAllListeners('data');
  child.stdout?.resume();
  child.stderr?.resume();
  child.removeAllListeners('exit');
  child.unref();
  (child.stdout as unknown as { unref?: () => void })?.unref?.();
  (child.stderr as unknown as { unref?: () => void })?.unref?.();
}
