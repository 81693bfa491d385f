import { rmSync } from 'fs';
import { readState } from './stack';

export default async function globalTeardown() {
  const state = readState();
  for (const pid of state.pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  await ((globalThis as Record<string, unknown>).__firebreakStop as () => Promise<void>)();
  rmSync(state.dir, { recursive: true, force: true });
}
