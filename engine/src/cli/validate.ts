/**
 * `firebreak validate FILE [--templates DIR]`: every problem of a playbook, one per line,
 * with the node and field at fault; exit 1 when any is an error. Templates come from DIR
 * (default ./templates when present), so missing or broken templates are found too.
 */
import { validate } from '../playbook/validate';
import { options, readTemplates } from './files';
import { readFileSync } from 'node:fs';
import type { Io } from './index';

export async function runValidate(args: string[], io: Io): Promise<number> {
  const { positional, opts } = options(args, ['templates']);
  if (positional.length !== 1) {
    io.stderr.write('usage: firebreak validate FILE [--templates DIR]\n');
    return 2;
  }
  const problems = validate(JSON.parse(readFileSync(positional[0], 'utf8')), { templates: readTemplates(opts.templates) });
  for (const p of problems) {
    const where = [p.nodeId && `node ${p.nodeId}`, p.edgeId && `edge ${p.edgeId}`, p.path].filter(Boolean).join(' ');
    io.stdout.write(`${p.severity}: ${where ? `${where}: ` : ''}${p.message} [${p.code}]\n`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  io.stderr.write(`${positional[0]}: ${errors} error(s), ${problems.length - errors} warning(s)\n`);
  return errors ? 1 : 0;
}
