import { api, tokenFor } from './support/http';

/**
 * Every endpoint × every role. The endpoints come from the api's own OpenAPI document, so a
 * new route without a line here fails the test; the table below is the policy, written down
 * once: who may publish, approve for PR and legal, work tasks, read the audit log.
 *
 * A refused role must get 403 (and anonymous callers 401) before anything runs; an allowed
 * role must get past the guard — its request carries unknown ids and an empty body, so it
 * ends in 400/404/409/422 or a harmless read, never in a change.
 */
const ROLES = ['admin', 'manager', 'pr', 'legal', 'agent', 'viewer'] as const;
type Role = (typeof ROLES)[number];

const ALL: Role[] = [...ROLES];
const EDITORS: Role[] = ['admin', 'manager'];
const ADMIN: Role[] = ['admin'];
const APPROVERS: Role[] = ['admin', 'manager', 'pr', 'legal'];
const WORKERS: Role[] = ['admin', 'manager', 'agent'];
const PUBLIC = 'public' as const;

const POLICY: Record<string, Role[] | typeof PUBLIC> = {
  // Sign-in and the workspace
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/me': ALL,
  'PUT /api/auth/password': ALL,
  'GET /api/auth/tokens': ADMIN,
  'POST /api/auth/tokens': ADMIN,
  'DELETE /api/auth/tokens/{id}': ADMIN,
  'GET /api/users': EDITORS,
  'POST /api/users': ADMIN,
  'PATCH /api/users/{id}': ADMIN,
  'GET /api/workspace/settings': EDITORS,
  'PATCH /api/workspace/settings': ADMIN,
  'GET /api/health': PUBLIC,
  // Playbooks: managers write and publish, everyone reads
  'GET /api/playbooks': ALL,
  'POST /api/playbooks': EDITORS,
  'GET /api/playbooks/{key}': ALL,
  'PUT /api/playbooks/{key}/draft': EDITORS,
  'POST /api/playbooks/{key}/publish': EDITORS,
  'GET /api/playbooks/{key}/versions': ALL,
  'GET /api/playbooks/{key}/versions/{version}': ALL,
  'POST /api/playbooks/{key}/versions/{version}/rollback': EDITORS,
  'POST /api/playbooks/{key}/archive': EDITORS,
  'POST /api/playbooks/{key}/unarchive': EDITORS,
  'GET /api/playbooks/{key}/diff': ALL,
  'GET /api/playbooks/{key}/export': ALL,
  'POST /api/playbooks/import': EDITORS,
  'GET /api/playbooks/{key}/publish-requests': ALL,
  'GET /api/playbooks/{key}/publish-requests/{id}': ALL,
  'POST /api/playbooks/{key}/publish-requests/{id}/approve': EDITORS,
  'POST /api/playbooks/{key}/publish-requests/{id}/reject': EDITORS,
  // Interactions and decisions (which approver may decide which node is the run's to say)
  'POST /api/interactions': WORKERS,
  'GET /api/interactions': ALL,
  'GET /api/interactions/{id}': ALL,
  'POST /api/interactions/{id}/decisions': ['admin', 'manager', 'pr', 'legal', 'agent'],
  // Approvals desk: PR and legal decide; managers oversee; viewers read
  'GET /api/approvals': [...APPROVERS, 'viewer'],
  'GET /api/approvals/{id}': [...APPROVERS, 'viewer'],
  'POST /api/approvals/{id}/decision': APPROVERS,
  // Agent inbox
  'GET /api/inbox': [...WORKERS, 'viewer'],
  'GET /api/inbox/available': [...WORKERS, 'viewer'],
  'POST /api/inbox/{itemId}/claim': WORKERS,
  'POST /api/inbox/{itemId}/complete': WORKERS,
  'GET /api/inbox/{itemId}/suggestions': [...WORKERS, 'viewer'],
  'POST /api/inbox/{itemId}/reply': WORKERS,
  // Cases and customers
  'GET /api/cases': ALL,
  'GET /api/cases/{id}': ALL,
  'POST /api/cases/{id}/resolve': WORKERS,
  'GET /api/customers': ALL,
  'GET /api/customers/{id}': ALL,
  'PATCH /api/customers/{id}': WORKERS,
  'GET /api/customers/{id}/history': ALL,
  'GET /api/customers/{id}/sentiment': ALL,
  'GET /api/customers/{id}/agents': ALL,
  'POST /api/customers/{id}/merge': WORKERS,
  // Routing
  'GET /api/teams': ALL,
  'POST /api/teams': EDITORS,
  'GET /api/agents': ALL,
  'GET /api/agents/{id}': ALL,
  'POST /api/agents': EDITORS,
  'PUT /api/agents/{id}/availability': WORKERS,
  'GET /api/routing/queues': ALL,
  'POST /api/routing/queues/{team}/pull': WORKERS,
  // Templates and knowledge: managers write, everyone reads and previews
  'GET /api/templates': ALL,
  'GET /api/templates/sample-context': ALL,
  'POST /api/templates/preview': ALL,
  'GET /api/templates/{name}': ALL,
  'POST /api/templates': EDITORS,
  'PUT /api/templates/{name}': EDITORS,
  'DELETE /api/templates/{name}': EDITORS,
  'GET /api/knowledge': ALL,
  'GET /api/knowledge/search': ALL,
  'GET /api/knowledge/{id}': ALL,
  'POST /api/knowledge': EDITORS,
  'PUT /api/knowledge/{id}': EDITORS,
  'DELETE /api/knowledge/{id}': EDITORS,
  // Crises: PR picks up a crisis with the managers (the seeds' crisis plan)
  'GET /api/crises': ALL,
  'GET /api/crises/{id}': ALL,
  'POST /api/crises': ['admin', 'manager', 'pr'],
  'POST /api/crises/{id}/stand-down': ['admin', 'manager', 'pr'],
  // Metrics, audit, operations, live events
  'GET /api/metrics/summary': ALL,
  'GET /api/metrics/series': ALL,
  'GET /api/metrics/agents': ALL,
  'GET /api/metrics/teams': ALL,
  'GET /api/metrics/prometheus': ADMIN,
  'GET /api/audit': EDITORS,
  'GET /api/audit/export': EDITORS,
  'GET /api/audit/verify': EDITORS,
  'GET /api/events': ALL,
  'GET /api/samples/threads': ALL,
  'GET /api/playbooks/{key}/interactions': ['admin', 'manager', 'viewer'],
  // Channel webhooks check the platforms' signatures instead of a sign-in
  'GET /api/webhooks/x': PUBLIC,
  'POST /api/webhooks/x': PUBLIC,
  'GET /api/webhooks/meta': PUBLIC,
  'POST /api/webhooks/meta': PUBLIC,
};

const PARAMS: Record<string, string> = {
  id: '00000000-0000-4000-8000-000000000000',
  itemId: '00000000-0000-4000-8000-000000000000',
  key: 'rbac-no-such-playbook',
  version: '999',
  name: 'rbac-no-such-template',
  team: 'rbac-no-such-team',
};

interface Operation {
  method: string;
  path: string;
  key: string;
}

let operations: Operation[];
beforeAll(async () => {
  const doc = await fetch(`${process.env.FIREBREAK_URL}/api/docs/json`).then((r) => r.json());
  operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => ({ method: m.toUpperCase(), path, key: `${m.toUpperCase()} ${path}` })),
  );
});

/** Status of one request; streams (the live events) are cut as soon as the headers say who may listen. */
async function statusOf(op: Operation, role: Role | null): Promise<{ status: number; message?: string }> {
  const url = op.path.replace(/\{(\w+)\}/g, (_, p: string) => PARAMS[p] ?? 'x');
  if (op.path === '/api/events') {
    const controller = new AbortController();
    const headers: Record<string, string> = role ? { authorization: `Bearer ${await tokenFor(`${role}@demo`)}` } : {};
    const res = await fetch(`${process.env.FIREBREAK_URL}${url}`, { headers, signal: controller.signal });
    const message = res.ok ? undefined : ((await res.json()) as { message?: string }).message;
    controller.abort();
    return { status: res.status, message };
  }
  const body = ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined;
  const res = await api(op.method, url, body, { as: role ? `${role}@demo` : null });
  return { status: res.status, message: typeof res.body === 'object' ? res.body?.message : undefined };
}

test('every endpoint the api documents has a written policy, and every policy line an endpoint', () => {
  const documented = operations.map((o) => o.key).sort();
  expect(documented.filter((k) => !(k in POLICY))).toEqual([]);
  expect(Object.keys(POLICY).filter((k) => !documented.includes(k))).toEqual([]);
});

test('each role is let through exactly where the policy says, and refused with 403 elsewhere', async () => {
  const wrong: string[] = [];
  for (const op of operations) {
    const policy = POLICY[op.key];
    if (!policy || policy === PUBLIC) continue;
    for (const role of ROLES) {
      const { status, message } = await statusOf(op, role);
      const allowed = policy.includes(role);
      if (allowed && (status === 401 || status === 403) && !/may not decide|not an agent|only your own/.test(message ?? '')) {
        wrong.push(`${op.key} as ${role}: ${status} ${message} (should be let through)`);
      }
      if (!allowed && !(status === 403 && /may not/.test(message ?? '')))
        wrong.push(`${op.key} as ${role}: ${status} ${message} (should be 403)`);
    }
  }
  expect(wrong).toEqual([]);
}, 300_000);

test('anonymous callers get 401 everywhere but the public endpoints, which never ask for a sign-in', async () => {
  const wrong: string[] = [];
  for (const op of operations) {
    const { status, message } = await statusOf(op, null);
    if (POLICY[op.key] === PUBLIC ? status === 401 || status === 403 : status !== 401) wrong.push(`${op.key}: ${status} ${message}`);
  }
  expect(wrong).toEqual([]);
}, 300_000);
