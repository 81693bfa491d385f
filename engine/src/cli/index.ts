/**
 * `npx firebreak <command>`: the engine without a server. One module per command; the
 * dispatcher only knows their names, so other commands plug in without touching the rest.
 */
import { runAnalyze } from './analyze';
import { runExport, runImport } from './server';
import { runSimulate } from './simulate';
import { runValidate } from './validate';

export interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

type Command = (args: string[], io: Io) => Promise<number>;

export const COMMANDS: Record<string, { run: Command; help: string }> = {
  analyze: { run: runAnalyze, help: 'analyze [--playbook FILE]   JSON lines {"text", "author", ...} on stdin → one facts line each' },
  validate: { run: runValidate, help: 'validate FILE               check a playbook' },
  simulate: {
    run: runSimulate,
    help: 'simulate FILE --input CSV|JSONL [--answers JSON] [--limit N]   run a playbook over sample interactions',
  },
  import: { run: runImport, help: 'import FILE                 load a playbook into a server' },
  export: { run: runExport, help: 'export KEY                  fetch a playbook from a server' },
};

function usage(): string {
  return ['usage: firebreak <command> [options]', '', ...Object.values(COMMANDS).map((c) => '  ' + c.help), ''].join('\n');
}

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr).write(usage());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    io.stderr.write(`firebreak: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return cmd.run(rest, io);
}

if (require.main === module) {
  main(process.argv.slice(2), process).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`firebreak: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
