import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { Facts } from '../analysis/facts';
import type { InteractionRef } from '../interpreter/types';
import { Playbook, playbookSchema } from '../playbook/schema';

/** Test fixtures shared by the engine's unit tests: the repo's example playbooks and templates. */
const root = join(__dirname, '..', '..', '..');

export function examplePlaybook(key: string): Playbook {
  return playbookSchema.parse(JSON.parse(readFileSync(join(root, 'playbooks', `${key}.json`), 'utf8')));
}

export function exampleTemplates(): Record<string, string> {
  const dir = join(root, 'templates');
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.hbs'))
      .map((f) => [f.replace(/\.hbs$/, ''), readFileSync(join(dir, f), 'utf8')]),
  );
}

export function facts(over: Partial<Facts> = {}): Facts {
  return {
    language: 'en',
    sentiment: { compound: 0, label: 'neutral' },
    priority: { tier: 'first', needsResponse: true, cues: ['question'] },
    pii: { found: false, kinds: [], spans: [] },
    influence: { score: 10, segment: 'standard' },
    matches: {},
    crisis: { active: false, topics: [] },
    ...over,
  };
}

export function interaction(over: Partial<InteractionRef> = {}): InteractionRef {
  return {
    id: 'i-1',
    channel: 'x',
    visibility: 'public',
    text: 'my order never arrived, can you help?',
    author: { id: 'u-1', handle: 'angela', name: 'Angela Smith', followers: 120 },
    receivedAt: '2026-11-25T10:00:00.000Z',
    ...over,
  };
}
