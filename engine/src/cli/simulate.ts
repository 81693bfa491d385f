/**
 * `firebreak simulate FILE --input CSV|JSONL [--templates DIR] [--answers JSON]`: runs the
 * playbook over sample interactions with the production interpreter, and prints one line
 * per interaction: its tier, the path (node:outcome) and where it ended. CSV needs a `text`
 * column (TWCS files work as they are: `inbound` False rows are skipped); JSON lines are
 * `{"text", "channel"?, "visibility"?, "author"?}`.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import type { Author, Channel, Visibility } from '../analysis/facts';
import { analyzeFor, compilePlaybook } from '../playbook/compile';
import { simulate, type ScriptedAnswer } from '../simulate';
import { options, readPlaybook, readTemplates } from './files';
import type { Io } from './index';

interface Sample {
  text: string;
  channel?: Channel;
  visibility?: Visibility;
  author?: Author;
}

function readSamples(file: string): Sample[] {
  const raw = readFileSync(file, 'utf8');
  if (/\.jsonl?$/i.test(file))
    return raw
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Sample);
  const rows = parse(raw, { columns: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  if (rows.length && !('text' in rows[0])) throw new Error(`${file} has no "text" column`);
  return rows.filter((r) => r.inbound !== 'False').map((r) => ({ text: r.text, author: r.author_id ? { id: r.author_id } : undefined }));
}

export async function runSimulate(args: string[], io: Io): Promise<number> {
  const { positional, opts } = options(args, ['input', 'templates', 'answers', 'limit']);
  if (positional.length !== 1 || !opts.input) {
    io.stderr.write('usage: firebreak simulate FILE --input CSV|JSONL [--templates DIR] [--answers JSON] [--limit N]\n');
    return 2;
  }
  const pb = readPlaybook(positional[0]);
  const templates = readTemplates(opts.templates);
  const answers = opts.answers ? (JSON.parse(opts.answers) as Record<string, ScriptedAnswer>) : undefined;
  const compiled = compilePlaybook(pb);
  const samples = readSamples(opts.input).slice(0, opts.limit ? Number(opts.limit) : undefined);
  const endings: Record<string, number> = {};
  samples.forEach((s, i) => {
    const interaction = {
      id: `sample-${i + 1}`,
      channel: s.channel ?? 'x',
      visibility: s.visibility ?? 'public',
      text: s.text,
      author: s.author ?? { id: `sample-author-${i + 1}` },
      receivedAt: new Date(0).toISOString(),
    };
    const facts = analyzeFor(compiled, interaction);
    const { state } = simulate(pb, interaction, { facts, answers, templates });
    const last = state.path[state.path.length - 1]?.nodeId ?? '';
    endings[last] = (endings[last] ?? 0) + 1;
    io.stdout.write(
      JSON.stringify({
        sample: i + 1,
        text: s.text.slice(0, 140),
        tier: facts.priority.tier,
        path: state.path.map((p) => (p.outcome ? `${p.nodeId}:${p.outcome}` : p.nodeId)),
        status: state.status,
      }) + '\n',
    );
  });
  io.stderr.write(`${samples.length} interactions; where they ended: ${JSON.stringify(endings)}\n`);
  return 0;
}
