/**
 * The one typed client of the Firebreak api. Every page talks to the server through it, so
 * the shapes of requests and answers live in one place. Pages with endpoints of their own
 * keep small typed functions over `api.request` in their folder (desks, metrics, live).
 */
import type { Playbook, Problem } from '@firebreak/engine';
import { currentSession, expireSession, type Session, type SessionUser } from '../auth/session';

export interface LiveVersion {
  id: string;
  version: number;
  since: string;
}

export interface PlaybookSummary {
  key: string;
  name: string;
  description: string | null;
  archived: boolean;
  liveVersion: LiveVersion | null;
  updatedAt: string;
}

export interface PlaybookDetail extends PlaybookSummary {
  draft: Playbook;
  problems: Problem[];
}

/** The api's error body: Nest's `{statusCode, error, message}`, plus problems on 422. */
export interface ApiErrorBody {
  statusCode: number;
  error?: string;
  message: string | string[];
  problems?: Problem[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problems: Problem[];

  constructor(status: number, message: string, problems: Problem[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problems = problems;
  }

  get notFound(): boolean {
    return this.status === 404;
  }
}

export interface ClientOptions {
  /** Prefix of every path; '' means the page's own origin (the api serves the editor). */
  baseUrl?: string;
  /** Returns the bearer token to send, when signed in. */
  token?: () => string | null;
  /** Called when the server refuses a token that was sent (401): the session is over. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
}

export function createClient(options: ClientOptions = {}) {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const token = options.token?.();
    if (token) headers.Authorization = `Bearer ${token}`;
    let res: Response;
    try {
      res = await doFetch(`${base}/api${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal,
      });
    } catch (e) {
      if (signal?.aborted) throw e;
      throw new ApiError(0, 'The Firebreak server cannot be reached. Is it running?');
    }
    const text = await res.text();
    const data: unknown = text ? safeJson(text) : undefined;
    if (!res.ok) {
      // A 401 without a token is a wrong password at the login form, not an ended session.
      if (res.status === 401 && token) options.onUnauthorized?.();
      throw toApiError(res, data);
    }
    return data as T;
  }

  const key = (k: string) => encodeURIComponent(k);

  return {
    request,
    auth: {
      login: (email: string, password: string) => request<Session>('POST', '/auth/login', { email, password }),
      me: (signal?: AbortSignal) => request<SessionUser>('GET', '/auth/me', undefined, signal),
    },
    playbooks: {
      list: (signal?: AbortSignal) => request<PlaybookSummary[]>('GET', '/playbooks', undefined, signal),
      get: (k: string, signal?: AbortSignal) => request<PlaybookDetail>('GET', `/playbooks/${key(k)}`, undefined, signal),
    },
  };
}

export type Client = ReturnType<typeof createClient>;

/**
 * The client the app uses: same origin, so `/api` is the api in production and the dev proxy;
 * it sends the signed-in user's token, and a 401 ends the session (back to the login page).
 */
export const api: Client = createClient({ token: () => currentSession()?.accessToken ?? null, onUnauthorized: expireSession });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function toApiError(res: Response, data: unknown): ApiError {
  if (data && typeof data === 'object' && 'message' in data) {
    const body = data as ApiErrorBody;
    const message = Array.isArray(body.message) ? body.message.join('; ') : String(body.message);
    return new ApiError(res.status, message, body.problems ?? []);
  }
  return new ApiError(res.status, `${res.status} ${res.statusText || 'error'}`.trim());
}
