import { Client } from 'pg';
import { api, eventually } from './http';
import { publishPlaybook } from './playbooks';

/** A run-unique suffix: the stack's database is shared by every test file of the run. */
export const runId = Date.now().toString(36);

/**
 * Publish a test playbook, then date its go-live back so it never takes un-pinned traffic
 * from other test files (they rely on the example `social-care` taking it). Tests pin it.
 */
export async function publishPinned(db: Client, pb: { key: string; [k: string]: unknown }) {
  const v = await publishPlaybook(pb);
  await db.query(`UPDATE playbooks SET live_since = '2000-01-01' WHERE key = $1`, [pb.key]);
  return v;
}

export async function post(body: Record<string, unknown>) {
  const r = await api('POST', '/api/interactions', body);
  if (r.status !== 202) throw new Error(`POST /api/interactions → ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: string; workflowId: string; playbookVersionId: string };
}

export const interaction = async (id: string) => (await api('GET', `/api/interactions/${id}`)).body;

/** Poll an interaction until the predicate holds; on timeout, say where the run was. */
export async function until(id: string, predicate: (r: any) => boolean, what = `interaction ${id}`): Promise<any> {
  let last: any;
  try {
    return await eventually(
      async () => {
        last = await interaction(id);
        return predicate(last) ? last : undefined;
      },
      60_000,
      what,
    );
  } catch (e) {
    const path = (last?.path ?? []).map((s: { nodeId: string; outcome?: string }) => `${s.nodeId}:${s.outcome}`).join(' → ');
    throw new Error(
      `${(e as Error).message}; last seen ${last?.status} waiting=${JSON.stringify(last?.waiting)} reason=${last?.reason} path=${path}`,
      { cause: e },
    );
  }
}

/** The route node's decision, once persisted. */
export const assignmentOf = (db: Client, interactionId: string) =>
  eventually(
    async () => {
      const r = await db.query(
        `SELECT s.*, a.name AS agent_name FROM assignments s LEFT JOIN agents a ON a.id = s.agent_id WHERE s.interaction_id = $1`,
        [interactionId],
      );
      return r.rows[0];
    },
    60_000,
    `the assignment of ${interactionId}`,
  );
