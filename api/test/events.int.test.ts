import { api, eventually, tokenFor } from './support/http';
import { startOwnServices } from './support/stack';

/**
 * Live events on the real stack: an EventSource-style client (fetch, reading the stream as
 * an EventSource would) sees what the api and the worker publish through PostgreSQL
 * LISTEN/NOTIFY, on any api process, and resumes with Last-Event-ID.
 */
interface SseMessage {
  id?: string;
  event?: string;
  data: any;
}

interface Stream {
  status: number;
  contentType: string | null;
  messages: SseMessage[];
  comments: string[];
  next: (predicate: (m: SseMessage) => boolean, what: string, timeoutMs?: number) => Promise<SseMessage>;
  close: () => void;
}

const streams: Stream[] = [];
afterEach(() => streams.splice(0).forEach((s) => s.close()));

/** Open /api/events on `base` and parse it as the EventSource spec does (id, event, data, comments). */
async function openStream(base: string, query: string, headers: Record<string, string> = {}): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${base}/api/events${query}`, { headers, signal: abort.signal });
  const stream: Stream = {
    status: res.status,
    contentType: res.headers.get('content-type'),
    messages: [],
    comments: [],
    close: () => abort.abort(),
    next: (predicate, what, timeoutMs = 30_000) =>
      eventually(async () => stream.messages.find(predicate), timeoutMs, `${what} on the event stream`),
  };
  streams.push(stream);
  if (!res.ok || !res.body) return stream;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const m: Partial<SseMessage> & { dataLines?: string[] } = {};
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) stream.comments.push(line.slice(1).trim());
            else if (line.startsWith('id: ')) m.id = line.slice(4);
            else if (line.startsWith('event: ')) m.event = line.slice(7);
            else if (line.startsWith('data: ')) (m.dataLines ??= []).push(line.slice(6));
          }
          if (m.dataLines) stream.messages.push({ id: m.id, event: m.event, data: JSON.parse(m.dataLines.join('\n')) });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  return stream;
}

const base = () => process.env.FIREBREAK_URL!;
const auth = async (email = 'viewer@demo') => ({ authorization: `Bearer ${await tokenFor(email)}` });
let seq = 0;
const unique = (p: string) => `${p}-${Date.now()}-${++seq}`;

test('without a token the stream answers 401 in JSON; an unknown event type is a 400 naming it', async () => {
  const anonymous = await fetch(`${base()}/api/events`);
  expect(anonymous.status).toBe(401);
  expect(await anonymous.json()).toMatchObject({ statusCode: 401, message: expect.any(String) });

  const forged = await fetch(`${base()}/api/events?access_token=not-a-token`);
  expect(forged.status).toBe(401);

  // The URL token is for the event stream only: elsewhere it is not a credential.
  const elsewhere = await fetch(`${base()}/api/crises?access_token=${await tokenFor('viewer@demo')}`);
  expect(elsewhere.status).toBe(401);

  const bad = await fetch(`${base()}/api/events?types=interaction,weather`, { headers: await auth() });
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ message: expect.stringContaining('weather'), problems: [{ path: 'types' }] });
});

test("an interaction's received and routed events arrive in order, with its ids; a crisis declared and stood down too", async () => {
  // An EventSource passes its token in the URL.
  const stream = await openStream(base(), `?access_token=${await tokenFor('viewer@demo')}`);
  expect(stream.status).toBe(200);
  expect(stream.contentType).toMatch(/^text\/event-stream/);

  const sent = await api('POST', '/api/interactions', {
    channel: 'x',
    externalId: unique('live'),
    author: { id: unique('u'), handle: 'angela', followers: 310 },
    text: '@brand where is my order?? two weeks late, this is terrible',
    playbook: 'social-care',
  });
  expect(sent.status).toBe(202);
  const { id, workflowId } = sent.body;
  const mine = (type: string) => (m: SseMessage) => m.data.type === type && m.data.interactionId === id;

  const received = await stream.next(mine('interaction.received'), 'interaction.received');
  expect(received.data).toMatchObject({ interactionId: id, workflowId, channel: 'x', at: expect.any(String) });
  const routed = await stream.next(mine('interaction.routed'), 'interaction.routed');
  expect(routed.data).toMatchObject({ interactionId: id, workflowId, nodeId: expect.any(String), team: expect.any(String) });
  const waiting = await stream.next((m) => mine('interaction.step')(m) && m.data.status === 'waiting', 'the run waiting');
  expect(waiting.data).toMatchObject({ workflowId, nodeId: expect.any(String), steps: expect.any(Number) });
  const order = stream.messages.filter((m) => m.data.interactionId === id).map((m) => m.data.type);
  expect(order.indexOf('interaction.received')).toBeLessThan(order.indexOf('interaction.routed'));
  // Ids are increasing numbers, one per event.
  expect(Number(routed.id)).toBeGreaterThan(Number(received.id));

  const topic = unique('live-outage');
  const declared = await api('POST', '/api/crises', { topic }, { as: 'manager@demo' });
  expect(declared.status).toBe(201);
  const event = await stream.next((m) => m.data.type === 'crisis.declared' && m.data.topic === topic, 'crisis.declared');
  expect(event.data).toMatchObject({ crisisId: declared.body.id, by: 'manager@demo' });
  await api('POST', `/api/crises/${declared.body.id}/stand-down`, {}, { as: 'manager@demo' });
  await stream.next((m) => m.data.type === 'crisis.stood_down' && m.data.crisisId === declared.body.id, 'crisis.stood_down');
});

test('a reconnecting client sends Last-Event-ID and gets exactly what it missed; an id it cannot place is a gap', async () => {
  const first = await openStream(base(), '?types=crisis', await auth());
  const topics = [unique('resume-a'), unique('resume-b'), unique('resume-c')];
  const declared = [];
  const a = await api('POST', '/api/crises', { topic: topics[0] }, { as: 'pr@demo' });
  declared.push(a.body.id);
  const seenA = await first.next((m) => m.data.topic === topics[0], 'the first crisis');
  first.close(); // the connection drops…

  for (const topic of topics.slice(1)) declared.push((await api('POST', '/api/crises', { topic }, { as: 'pr@demo' })).body.id);

  // …and the EventSource reconnects with the last id it saw.
  const resumed = await openStream(base(), '?types=crisis', { ...(await auth()), 'last-event-id': seenA.id! });
  await resumed.next((m) => m.data.topic === topics[2], 'the missed crises');
  const replayed = resumed.messages.filter((m) => topics.includes(m.data.topic)).map((m) => m.data.topic);
  expect(replayed).toEqual(topics.slice(1));
  expect(resumed.messages.some((m) => m.event === 'gap')).toBe(false);
  expect(resumed.messages.every((m) => m.data.type.startsWith('crisis.'))).toBe(true);

  // The same from the URL, for a client that reconnects by itself (the editor's does).
  const byQuery = await openStream(base(), `?types=crisis&lastEventId=${seenA.id}`, await auth());
  await byQuery.next((m) => m.data.topic === topics[2], 'the missed crises, resumed from the URL');
  expect(byQuery.messages.filter((m) => topics.includes(m.data.topic)).map((m) => m.data.topic)).toEqual(topics.slice(1));

  const lost = await openStream(base(), '?types=crisis', { ...(await auth()), 'last-event-id': 'from-another-world' });
  await lost.next((m) => m.event === 'gap', 'the gap notice');
  await lost.next((m) => m.data.topic === topics[2], 'the replayed buffer');

  for (const id of declared) await api('POST', `/api/crises/${id}/stand-down`, {}, { as: 'pr@demo' });
});

test('every api process relays the same events with the same ids; heartbeats keep the stream open; a closed stream unsubscribes', async () => {
  const other = await startOwnServices({ FIREBREAK_EVENTS_HEARTBEAT_MS: '300' }, { worker: false });
  try {
    const here = await openStream(base(), '?types=crisis.declared', await auth());
    const there = await openStream(other.url, '?types=crisis.declared', await auth());
    const topic = unique('two-apis');
    const declared = await api('POST', '/api/crises', { topic }, { as: 'admin@demo' });
    const a = await here.next((m) => m.data.topic === topic, 'the crisis on the shared api');
    const b = await there.next((m) => m.data.topic === topic, 'the crisis on the second api');
    expect(b.id).toBe(a.id);
    expect(b.data).toEqual(a.data);

    await eventually(async () => (there.comments.some((c) => c.startsWith('heartbeat')) ? true : undefined), 5_000, 'a heartbeat');

    const scrape = async () => {
      const r = await fetch(`${other.url}/api/metrics/prometheus`, { headers: await auth('admin@demo') });
      return Number(/^firebreak_live_event_subscribers (\d+)/m.exec(await r.text())?.[1]);
    };
    expect(await scrape()).toBe(1);
    there.close();
    await eventually(async () => ((await scrape()) === 0 ? true : undefined), 5_000, 'the closed stream to unsubscribe');
    await api('POST', `/api/crises/${declared.body.id}/stand-down`, {}, { as: 'admin@demo' });
  } finally {
    other.stop();
  }
});
