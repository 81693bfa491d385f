/**
 * `firebreak analyze [--playbook FILE]`: JSON lines of messages on stdin, one facts line
 * per input line on stdout (same order, so outputs line up with inputs). A bad line gives
 * an `{"error": ...}` line instead of facts and a non-zero exit code at the end.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { analyze, compile, type AnalysisConfig, type Message } from '../analysis';
import { analysisConfigOf } from '../playbook/compile';
import { playbookSchema } from '../playbook/schema';
import type { Io } from './index';

/**
 * Analysis settings of a playbook file: a playbook graph is read like the server reads a
 * published version (analysisConfigOf); a plain AnalysisConfig (`{ "queries": [...] }`)
 * is taken as is.
 */
export function configFromPlaybook(doc: unknown): AnalysisConfig {
  const d = (doc ?? {}) as Record<string, unknown>;
  if (!Array.isArray(d.nodes)) return d as AnalysisConfig;
  return analysisConfigOf(playbookSchema.parse(doc));
}

export async function runAnalyze(args: string[], io: Io): Promise<number> {
  let config: AnalysisConfig = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--playbook' && args[i + 1]) config = configFromPlaybook(JSON.parse(readFileSync(args[++i], 'utf8')));
    else if (args[i].startsWith('--playbook=')) config = configFromPlaybook(JSON.parse(readFileSync(args[i].slice(11), 'utf8')));
    else {
      io.stderr.write(`firebreak analyze: unknown option ${args[i]}\nusage: firebreak analyze [--playbook FILE] < messages.jsonl\n`);
      return 2;
    }
  }
  const compiled = compile(config);
  for (const p of compiled.problems) io.stderr.write(`query of ${p.id}: ${p.message} (at ${p.start}–${p.end}); it will never match\n`);

  let failures = 0;
  let lineNo = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === '') continue;
    let out: unknown;
    try {
      const msg = JSON.parse(line) as Message;
      if (typeof msg?.text !== 'string') throw new Error('"text" must be a string');
      out = analyze(msg, compiled);
    } catch (e) {
      failures++;
      out = { error: `line ${lineNo}: ${(e as Error).message}` };
    }
    io.stdout.write(JSON.stringify(out) + '\n');
  }
  return failures > 0 ? 1 : 0;
}
