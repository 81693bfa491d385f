import { readFileSync } from 'fs';
import { join } from 'path';
import { repoRoot } from './stack';

/**
 * An example playbook from playbooks/, under a test key, with every SLA and wait shortened
 * so a scenario runs its timeouts in seconds on the real servers (the durations are data).
 */
export function exampleForTest(key: string, testKey: string, seconds = 2): { key: string; [k: string]: unknown } {
  const pb = JSON.parse(readFileSync(join(repoRoot, 'playbooks', `${key}.json`), 'utf8'));
  const shorten = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(shorten);
    if (v && typeof v === 'object') {
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => [k, (k === 'sla' || k === 'duration') && typeof x === 'string' ? `${seconds}s` : shorten(x)]),
      );
    }
    return v;
  };
  return { ...pb, key: testKey, name: `${pb.name} (test)`, nodes: shorten(pb.nodes) };
}
