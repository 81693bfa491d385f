/** What the backtest reads from the api: a playbook's recorded runs (the live graph comes from versions/versionsApi). */
import type { RecordedInteraction } from '@firebreak/engine';
import { api } from '../api/client';

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
