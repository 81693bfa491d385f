/**
 * Browser tests' sign-in shortcut: a real login through the api, then the token and user are
 * put where the editor keeps them (localStorage `firebreak.session`) before any page script
 * runs. The login page itself is tested through its form; other tests start signed in.
 */
import type { BrowserContext } from 'playwright-core';

export const SESSION_KEY = 'firebreak.session';

export interface Session {
  accessToken: string;
  user: { id: string; email: string; name: string; role: string };
}

export async function login(baseUrl: string, email: string, password = 'firebreak'): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as Session & { message?: string };
  if (!res.ok) throw new Error(`login as ${email} failed: ${res.status} ${body.message ?? ''}`);
  return { accessToken: body.accessToken, user: body.user };
}

/** Every page opened in `context` from now on starts signed in as `email`. */
export async function signIn(context: BrowserContext, baseUrl: string, email: string): Promise<Session> {
  const session = await login(baseUrl, email);
  await context.addInitScript(([key, value]) => window.localStorage.setItem(key, value), [SESSION_KEY, JSON.stringify(session)] as const);
  return session;
}
