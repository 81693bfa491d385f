/** The demo threads endpoint (GET /api/samples/threads) and the step from a thread to a test interaction. */
import type { SampleThread, SampleThreads } from '@firebreak/engine';
import { api } from '../api/client';
import type { TestInteraction } from './interaction';

export function fetchSampleThreads(q: string, limit: number, signal?: AbortSignal): Promise<SampleThreads> {
  const params = new URLSearchParams({ limit: String(limit) });
  if (q.trim()) params.set('q', q.trim());
  return api.request<SampleThreads>('GET', `/samples/threads?${params}`, undefined, signal);
}

/** A demo thread as a test interaction: the customer's first tweet, their later tweets as replies. */
export function fromThread(thread: SampleThread, base: TestInteraction): TestInteraction {
  const first = thread.messages.find((m) => m.inbound);
  const later = thread.messages.filter((m) => m.inbound && m !== first).map((m) => m.text);
  return {
    ...base,
    text: thread.text,
    channel: 'x',
    visibility: 'public',
    author: { name: '', handle: thread.customer, followers: 0, verified: false, tier: '' },
    receivedAt: thread.receivedAt,
    replies: later,
    source: { kind: 'sample', threadId: thread.id, brand: thread.brand },
  };
}
