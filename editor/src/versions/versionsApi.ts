/** Published versions of a playbook: the history, one version's graph, and rollback. */
import type { Playbook } from '@firebreak/engine';
import { api } from '../api/client';

export interface VersionRow {
  id: string;
  version: number;
  note: string | null;
  publishedBy: string | null;
  publishedAt: string;
  /** The second manager who approved it, when the four-eyes rule was on. */
  approvedBy?: string | null;
  live: boolean;
}

const key = (k: string) => encodeURIComponent(k);

export const fetchVersions = (playbookKey: string, signal?: AbortSignal) =>
  api.request<VersionRow[]>('GET', `/playbooks/${key(playbookKey)}/versions`, undefined, signal);

// Published versions never change, so their graphs are fetched once per page.
const graphs = new Map<string, Promise<Playbook>>();

export function fetchVersionGraph(playbookKey: string, version: number): Promise<Playbook> {
  const k = `${playbookKey}@${version}`;
  let g = graphs.get(k);
  if (!g) {
    g = api.request<{ graph: Playbook }>('GET', `/playbooks/${key(playbookKey)}/versions/${version}`).then((v) => v.graph);
    g.catch(() => graphs.delete(k));
    graphs.set(k, g);
  }
  return g;
}

/** Publish an old version's graph again as the newest version; it also becomes the draft. */
export const rollbackTo = (playbookKey: string, version: number) =>
  api.request<{ id: string; version: number; note: string | null }>('POST', `/playbooks/${key(playbookKey)}/versions/${version}/rollback`);
