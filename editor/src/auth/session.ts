/**
 * The signed-in session: `{accessToken, user}` (the login answer) kept in localStorage `firebreak.session`, so a reload
 * or a second tab stays signed in. One store, read with `useSession()`; the api client reads
 * the token from here and calls `expireSession()` on a 401.
 */
import { useSyncExternalStore } from 'react';

export const SESSION_KEY = 'firebreak.session';

export type Role = 'admin' | 'manager' | 'pr' | 'legal' | 'agent' | 'viewer';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface Session {
  accessToken: string;
  user: SessionUser;
}

/** Why the login page is shown, when it is not the first visit (expired token, signed out). */
let notice: string | null = null;
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function read(): Session | null {
  let raw: string | null;
  try {
    raw = window.localStorage.getItem(SESSION_KEY);
  } catch {
    return null;
  }
  if (raw === cached.raw) return cached.session;
  cached = { raw, session: parse(raw) };
  return cached.session;
}

function parse(raw: string | null): Session | null {
  if (!raw) return null;
  try {
    const s = JSON.parse(raw) as Partial<Session>;
    return typeof s.accessToken === 'string' && s.user && typeof s.user.email === 'string' ? (s as Session) : null;
  } catch {
    return null;
  }
}

const emit = () => listeners.forEach((l) => l());

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab signing in or out changes this one too.
  const onStorage = (e: StorageEvent) => e.key === SESSION_KEY && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function currentSession(): Session | null {
  return read();
}

export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, read);
}

export function startSession(session: Session) {
  notice = null;
  window.localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  emit();
}

export function signOut(message: string | null = 'You have signed out.') {
  notice = message;
  window.localStorage.removeItem(SESSION_KEY);
  emit();
}

/** The server refused the token (expired, revoked, user removed): back to the login page, saying why. */
export function expireSession() {
  if (read()) signOut('Your session has ended. Please sign in again.');
}

/** The message for the login page, if the last session ended for a reason worth telling. */
export function sessionNotice(): string | null {
  return notice;
}
