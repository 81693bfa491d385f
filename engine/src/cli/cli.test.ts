import { PassThrough, Readable } from 'node:stream';
import { main } from './index';

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

  test('commands that are not there yet exit with 2', async () => {
    for (const c of ['validate', 'simulate', 'import', 'export']) expect((await run([c])).code).toBe(2);
    expect((await run(['nope'])).code).toBe(2);
    expect((await run(['analyze', '--bogus'])).code).toBe(2);
  });
});
