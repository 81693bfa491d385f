import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from './index';

const repo = join(__dirname, '..', '..', '..');

async function run(argv: string[], input = '') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const code = await main(argv, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

describe('firebreak CLI', () => {
  test('analyze: one facts line per input line, errors in place', async () => {
    const r = await run(['analyze'], '{"text":"@Acme where is my order?"}\nnot json\n\n{"text":"love it"}\n');
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0].priority.tier).toBe('first');
    expect(lines[1].error).toMatch(/^line 2:/);
    expect(lines[2].sentiment.label).toBe('positive');
    expect(r.code).toBe(1);
  });

  test('usage errors exit with 2', async () => {
    for (const c of ['validate', 'simulate', 'import', 'export']) expect((await run([c])).code).toBe(2);
    expect((await run(['nope'])).code).toBe(2);
    expect((await run(['analyze', '--bogus'])).code).toBe(2);
    await expect(run(['simulate', 'x.json', '--bogus', '1'])).rejects.toThrow(/unknown option --bogus/);
  });

  test('validate: a valid example passes; a broken one lists each problem and exits 1', async () => {
    const ok = await run(['validate', join(repo, 'playbooks', 'social-care.json'), '--templates', join(repo, 'templates')]);
    expect(ok).toMatchObject({ code: 0, out: '' });
    const broken = JSON.parse(readFileSync(join(repo, 'playbooks', 'escalation-map.json'), 'utf8'));
    broken.nodes.find((n: { id: string }) => n.id === 'legal-risk').config.query = 'lawyer AND (';
    broken.nodes.find((n: { id: string }) => n.id === 'draft-pr').config.template = 'no-such-template';
    const file = join(mkdtempSync(join(tmpdir(), 'fb-cli-')), 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const r = await run(['validate', file, '--templates', join(repo, 'templates')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^error: node legal-risk config\.query: .* \[query\]$/m);
    expect(r.out).toMatch(/^error: node draft-pr config\.template: template "no-such-template" does not exist \[missing_template\]$/m);
    expect(r.err).toMatch(/2 error\(s\)/);
  });

  test('simulate: one line per sample with the path the production interpreter takes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fb-cli-'));
    const input = join(dir, 'samples.jsonl');
    writeFileSync(
      input,
      ['{"text":"@brand where is my order?? two weeks, terrible"}', '{"text":"I will sue you, my lawyer is ready"}'].join('\n'),
    );
    const r = await run([
      'simulate',
      join(repo, 'playbooks', 'escalation-map.json'),
      '--input',
      input,
      '--answers',
      '{"escalate-legal":{"outcome":"handled"}}',
    ]);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0].path.slice(0, 5)).toEqual([
      'start:next',
      'legal-risk:no_match',
      'brand-risk:no_match',
      'route:routed',
      'task:answered',
    ]);
    expect(lines[1].path).toEqual(['start:next', 'legal-risk:match', 'tag-legal:next', 'escalate-legal:handled', 'resolve:next', 'end']);
    expect(r.err).toMatch(/^2 interactions/);
  });
});
