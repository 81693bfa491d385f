import { execFile } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { promisify } from 'util';
import { api, tokenFor } from './support/http';
import { repoRoot } from './support/stack';

/** `npx firebreak import/export` against the running api, as a manager (FIREBREAK_TOKEN). */
const cli = async (...args: string[]) =>
  promisify(execFile)(process.execPath, [join(repoRoot, 'engine', 'bin', 'firebreak.js'), ...args], {
    env: { ...process.env, FIREBREAK_URL: process.env.FIREBREAK_URL, FIREBREAK_TOKEN: await tokenFor('manager@demo') },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e) => ({ code: e.code as number, stdout: e.stdout as string, stderr: e.stderr as string }),
  );

test('import creates a playbook (then updates its draft), export prints the draft back', async () => {
  const pb = JSON.parse(readFileSync(join(repoRoot, 'playbooks', 'influencer.json'), 'utf8'));
  pb.key = 'cli-imported';
  pb.name = 'Imported by the CLI';
  const file = join(mkdtempSync(join(tmpdir(), 'fb-cli-')), 'pb.json');
  writeFileSync(file, JSON.stringify(pb));
  const first = await cli('import', file);
  expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^created cli-imported; 0 problem\(s\)/) });
  expect((await cli('import', file)).stdout).toMatch(/^updated the draft of cli-imported/);
  expect((await api('GET', '/api/playbooks/cli-imported')).body.liveVersion).toBeNull();
  const exported = await cli('export', 'cli-imported');
  expect(exported.code).toBe(0);
  expect(JSON.parse(exported.stdout)).toMatchObject({
    key: 'cli-imported',
    name: 'Imported by the CLI',
    nodes: pb.nodes.map((n: { id: string }) => expect.objectContaining({ id: n.id })),
    // The api's export format: the playbook and where it came from, which import reads back.
    $export: expect.objectContaining({ format: 'firebreak.playbook', source: { key: 'cli-imported', version: 'draft' } }),
  });
  expect(await cli('export', 'no-such-playbook')).toMatchObject({
    code: 1,
    stderr: expect.stringMatching(/404 no playbook with key "no-such-playbook"/),
  });
});
