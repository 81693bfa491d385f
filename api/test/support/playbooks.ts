import { Client } from 'pg';
import { api } from './http';

/**
 * Create (or replace the draft of) a test playbook and publish it; returns the version.
 * Its go-live is then dated in the past, so it never takes the un-pinned traffic other
 * tests expect the example `social-care` to take; tests name it with "playbook".
 */
export async function publishPlaybook(pb: { key: string; [k: string]: unknown }): Promise<{ id: string; version: number }> {
  const exists = (await api('GET', `/api/playbooks/${pb.key}`)).status === 200;
  const saved = exists ? await api('PUT', `/api/playbooks/${pb.key}/draft`, pb) : await api('POST', '/api/playbooks', pb);
  if (saved.status >= 300) throw new Error(`saving ${pb.key}: ${JSON.stringify(saved.body)}`);
  const published = await api('POST', `/api/playbooks/${pb.key}/publish`, {});
  if (published.status !== 201) throw new Error(`publishing ${pb.key}: ${JSON.stringify(published.body)}`);
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  await db.query(`UPDATE playbooks SET live_since = '2000-01-01' WHERE key = $1`, [pb.key]);
  await db.end();
  return published.body;
}

/** A linear playbook from node specs: each node's first outcome leads to the next; `ends` lists outcomes that end. */
export function chain(
  key: string,
  nodes: Array<{ id: string; kind: string; config?: object; next?: string; ends?: string[]; branches?: Record<string, string> }>,
) {
  const edges: object[] = [];
  nodes.forEach((n, i) => {
    if (n.next && nodes[i + 1]) edges.push({ id: `e-${n.id}`, source: n.id, sourceHandle: n.next, target: nodes[i + 1].id });
    for (const [outcome, target] of Object.entries(n.branches ?? {}))
      edges.push({ id: `e-${n.id}-${outcome}`, source: n.id, sourceHandle: outcome, target });
  });
  return {
    key,
    name: key,
    nodes: nodes.map(({ id, kind, config, ends }) => ({ id, kind, config: config ?? {}, ends: ends ?? [] })),
    edges,
  };
}

export const waitFor = async (id: string, predicate: (r: any) => boolean) => {
  const { eventually } = await import('./http');
  return eventually(
    async () => {
      const r = await api('GET', `/api/interactions/${id}`);
      return predicate(r.body) ? r.body : undefined;
    },
    60_000,
    `interaction ${id}`,
  );
};
