/**
 * `firebreak import FILE` and `firebreak export KEY`: a playbook into or out of a running
 * Firebreak (FIREBREAK_URL, default http://localhost:8080), through the api's own import and
 * export endpoints, so a file moves the same way from the CLI and from the editor. Import
 * creates the playbook or replaces its draft; it does not publish. Export prints the draft in
 * the file format of `playbook/exchange.ts`.
 */
import { readPlaybook } from './files';
import type { Io } from './index';

/** The parts of the api's answers the commands read. */
interface Reply {
  message?: string;
  problems: unknown[];
}

const base = () => (process.env.FIREBREAK_URL ?? 'http://localhost:8080').replace(/\/$/, '');

async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Reply | undefined }> {
  const res = await fetch(`${base()}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(process.env.FIREBREAK_TOKEN ? { authorization: `Bearer ${process.env.FIREBREAK_TOKEN}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Reply) : undefined };
}

export async function runImport(args: string[], io: Io): Promise<number> {
  if (args.length !== 1) {
    io.stderr.write('usage: firebreak import FILE   (FIREBREAK_URL, default http://localhost:8080)\n');
    return 2;
  }
  const pb = readPlaybook(args[0]);
  let r = await call('POST', '/api/playbooks/import', pb);
  const exists = r.status === 409;
  if (exists) r = await call('POST', '/api/playbooks/import?mode=draft', pb);
  if (r.status >= 300) {
    io.stderr.write(`firebreak import: ${r.status} ${r.body?.message ?? ''}\n`);
    return 1;
  }
  io.stdout.write(
    `${exists ? 'updated the draft of' : 'created'} ${pb.key}; ${r.body?.problems.length ?? 0} problem(s); publish it in the editor or with POST /api/playbooks/${pb.key}/publish\n`,
  );
  return 0;
}

export async function runExport(args: string[], io: Io): Promise<number> {
  if (args.length !== 1) {
    io.stderr.write('usage: firebreak export KEY   (FIREBREAK_URL, default http://localhost:8080)\n');
    return 2;
  }
  const r = await call('GET', `/api/playbooks/${encodeURIComponent(args[0])}/export?version=draft`);
  if (r.status !== 200) {
    io.stderr.write(`firebreak export: ${r.status} ${r.body?.message ?? ''}\n`);
    return 1;
  }
  io.stdout.write(JSON.stringify(r.body, null, 2) + '\n');
  return 0;
}
