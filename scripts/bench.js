#!/usr/bin/env node
// `npm run bench`: every benchmark present in bench/. A benchmark is a top-level
// bench/<name>.ts that a root package.json script runs (bench:analysis, bench:engine,
// eval, …); helpers (bench/lib, the engine's floor workflow and worker) have no script
// and are skipped. Each runs as its own `npm run`, in turn (they measure, so never in
// parallel); a failure is reported and the others still run.
const { spawnSync } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts;
const files = readdirSync(join(root, 'bench')).filter((f) => f.endsWith('.ts'));
const runs = Object.keys(scripts).filter(
  (name) => name !== 'bench' && files.some((f) => new RegExp(`\\bbench/${f.replace('.', '\\.')}\\b`).test(scripts[name])),
);

const failed = [];
for (const name of runs) {
  console.log(`\n=== npm run ${name}`);
  const r = spawnSync('npm', ['run', name], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) failed.push(name);
}
console.log(`\nbench: ran ${runs.join(', ')}${failed.length ? `; failed: ${failed.join(', ')}` : ''}`);
process.exit(failed.length ? 1 : 0);
