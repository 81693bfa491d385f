import { api } from '../api/client';
import { currentSession } from '../auth/session';

/** A crisis as `GET /api/crises` returns it. */
export interface Crisis {
  id: string;
  topic: string;
  status: 'active' | 'stood_down';
  declaredBy: string;
  declaredAt: string;
  stoodDownAt: string | null;
  stoodDownBy: string | null;
}

// `by` is sent for servers that still read it from the body; a signed-in server takes it from the token.
const by = () => currentSession()?.user.email ?? '';

export const crisesApi = {
  list: (status?: 'active' | 'stood_down', signal?: AbortSignal) =>
    api.request<Crisis[]>('GET', `/crises${status ? `?status=${status}` : ''}`, undefined, signal),
  declare: (topic: string) => api.request<Crisis>('POST', '/crises', { topic, by: by() }),
  standDown: (id: string) => api.request<Crisis>('POST', `/crises/${encodeURIComponent(id)}/stand-down`, { by: by() }),
};
