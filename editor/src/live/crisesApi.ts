import { api } from '../api/client';

/** A crisis as `GET /api/crises` returns it. */
export interface Crisis {
  id: string;
  topic: string;
  status: 'active' | 'stood_down';
  /** A user's e-mail, or a description when the spike detector or a playbook declared it. */
  declaredBy: string;
  declaredByName?: string | null;
  declaredAt: string;
  stoodDownAt: string | null;
  stoodDownBy: string | null;
  stoodDownByName?: string | null;
}

// Who declares or stands down is the signed-in user: the server takes it from the token.
export const crisesApi = {
  list: (status?: 'active' | 'stood_down', signal?: AbortSignal) =>
    api.request<Crisis[]>('GET', `/crises${status ? `?status=${status}` : ''}`, undefined, signal),
  declare: (topic: string) => api.request<Crisis>('POST', '/crises', { topic }),
  standDown: (id: string) => api.request<Crisis>('POST', `/crises/${encodeURIComponent(id)}/stand-down`, {}),
};
