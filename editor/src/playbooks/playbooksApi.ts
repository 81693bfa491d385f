/**
 * The playbook endpoints the workbench uses beyond the shared client's list/get: create,
 * save the draft, publish, and the template sources validation needs.
 */
import type { Playbook, Problem } from '@firebreak/engine';
import { api } from '../api/client';

const key = (k: string) => encodeURIComponent(k);

export const createPlaybook = (pb: Playbook) => api.request<{ key: string; problems: Problem[] }>('POST', '/playbooks', pb);

export const saveDraft = (pb: Playbook, signal?: AbortSignal) =>
  api.request<{ key: string; problems: Problem[] }>('PUT', `/playbooks/${key(pb.key)}/draft`, pb, signal);

/** A publish answered at once (201: the new live version) or held for a second manager (202). */
export type PublishResult = { kind: 'published'; version: number } | { kind: 'requested'; request: { id?: string; [k: string]: unknown } };

/**
 * Publish the saved draft with a change note. With the four-eyes rule on, the api answers
 * 202 with a publish request that a second manager approves.
 */
export async function publishDraft(playbookKey: string, note: string): Promise<PublishResult> {
  type Answer = { version?: number; published?: { version: number }; request?: { id?: string; status?: string } };
  const body = await api.request<Answer | undefined>('POST', `/playbooks/${key(playbookKey)}/publish`, { note });
  // The shared client does not expose the status code, so tell the two answers by their shape:
  // the new version (bare or as `published`), or a pending `request`.
  const version = body?.published?.version ?? body?.version;
  if (typeof version === 'number') return { kind: 'published', version };
  return { kind: 'requested', request: body?.request ?? {} };
}

/** Template sources by name (for the validator's "template exists" check and previews). */
export async function templateSources(signal?: AbortSignal): Promise<Record<string, string>> {
  const rows = await api.request<Array<{ name: string; source: string }>>('GET', '/templates', undefined, signal);
  return Object.fromEntries(rows.map((t) => [t.name, t.source]));
}
