#!/usr/bin/env node
// Launcher for `npx firebreak`: the CLI itself is TypeScript, compiled to ../dist (npm run build).
'use strict';
let cli;
try {
  cli = require('../dist/cli/index.js');
} catch (err) {
  if (err && err.code === 'MODULE_NOT_FOUND' && /dist[\\/]cli/.test(String(err.message))) {
    process.stderr.write('firebreak: the engine is not built yet; run `npm run build` first\n');
    process.exit(1);
  }
  throw err;
}
cli.main(process.argv.slice(2), process).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`firebreak: ${err && err.message ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
