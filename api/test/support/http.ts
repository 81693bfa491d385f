/**
 * A tiny JSON client for tests: the status and the parsed body, never throwing on 4xx.
 * Requests are signed in as a demo user (`as`, default the admin), with a JWT from the real
 * login endpoint; `as: null` sends no credentials.
 */
export interface RequestOptions {
  /** The demo user to act as (e-mail), or null for an anonymous request. Default admin@demo. */
  as?: string | null;
  headers?: Record<string, string>;
}

export const DEMO_PASSWORD = 'firebreak';
const tokens = new Map<string, Promise<string>>();

/** A JWT for a user, from POST /api/auth/login (cached per user for the test file). */
export function tokenFor(email: string, password = DEMO_PASSWORD): Promise<string> {
  let t = tokens.get(email);
  if (!t) {
    t = (async () => {
      const res = await fetch(`${process.env.FIREBREAK_URL}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password }),
      });
      const body = (await res.json()) as { accessToken?: string; message?: unknown };
      if (!res.ok || !body.accessToken) throw new Error(`login as ${email} failed: ${res.status} ${JSON.stringify(body)}`);
      return body.accessToken;
    })();
    t.catch(() => tokens.delete(email));
    tokens.set(email, t);
  }
  return t;
}

export async function api<T = any>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<{ status: number; body: T }> {
  const who = options.as === undefined ? 'admin@demo' : options.as;
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (who) headers.authorization = `Bearer ${await tokenFor(who)}`;
  const res = await fetch(`${process.env.FIREBREAK_URL}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  return { status: res.status, body: parsed as T };
}

/** Poll until `check` returns a value (not undefined), or fail with what was last seen. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${last}` : ''}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
