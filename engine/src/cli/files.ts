import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromDocument } from '../playbook/exchange';
import type { Playbook } from '../playbook/schema';

/** A playbook file (bare, or as the api exports it), parsed against the schema (throws with the field paths when it is not one). */
export function readPlaybook(file: string): Playbook {
  const read = fromDocument(JSON.parse(readFileSync(file, 'utf8')));
  if (!read.ok) throw new Error(`${file} is not a playbook: ${read.problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
  return read.playbook;
}

/** Template sources by name from a folder of `*.hbs` files; undefined when there is no folder. */
export function readTemplates(dir: string | undefined): Record<string, string> | undefined {
  const folder = dir ?? (existsSync('templates') ? 'templates' : undefined);
  if (!folder) return undefined;
  return Object.fromEntries(
    readdirSync(folder)
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => [f.slice(0, -4), readFileSync(join(folder, f), 'utf8').trimEnd()]),
  );
}

/** `--name value` and `--name=value` options, the rest positional; unknown options are an error. */
export function options(args: string[], known: string[]): { positional: string[]; opts: Record<string, string> } {
  const positional: string[] = [];
  const opts: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw new Error(`unknown option --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    opts[name] = value;
  }
  return { positional, opts };
}
