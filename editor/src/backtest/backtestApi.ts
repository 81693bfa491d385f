/** What the backtest reads from the api: a playbook's recorded runs (the live graph comes from versions/versionsApi). */
import type { Author, Facts, PathStep } from '@firebreak/engine';
import { api } from '../api/client';

export interface RecordedInteraction {
  id: string;
  channel: string;
  visibility: 'public' | 'private';
  text: string;
  author: Author;
  receivedAt: string;
  status: string;
  version: number;
  facts: Facts | null;
  path: PathStep[];
}

const key = (k: string) => encodeURIComponent(k);

export async function fetchRecorded(playbookKey: string, limit: number, signal?: AbortSignal): Promise<RecordedInteraction[]> {
  const body = await api.request<{ interactions: RecordedInteraction[] }>(
    'GET',
    `/playbooks/${key(playbookKey)}/interactions?limit=${limit}`,
    undefined,
    signal,
  );
  return body.interactions;
}
