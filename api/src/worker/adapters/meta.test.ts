import { PermanentSendError, type OutgoingMessage } from '../channels';
import { fakeChannel } from './fake-channel';
import { metaAdapter } from './meta';

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  channel: 'facebook',
  visibility: 'public',
  text: 'Sorry about that, we are checking.',
  inReplyTo: '123456789_987654321',
  recipient: { id: '6543210987654321', name: 'Angela Smith' },
  idempotencyKey: 'wf-2:send:1:0',
  ...over,
});

async function withGraph(body: unknown, run: (base: string, seen: Awaited<ReturnType<typeof fakeChannel>>['seen']) => Promise<void>) {
  const graph = await fakeChannel(() => ({ status: 200, body }));
  try {
    await run(`${graph.base}/v21.0`, graph.seen);
  } finally {
    await graph.close();
  }
}

test('a public answer on Facebook is a reply comment on the customer comment, with the Page token', () =>
  withGraph({ id: '987654321_111' }, async (base, seen) => {
    expect(await metaAdapter({ base, token: 'page-token' }).send(message())).toEqual({
      status: 'sent',
      externalMessageId: '987654321_111',
    });
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v21.0/123456789_987654321/comments',
        headers: expect.objectContaining({ authorization: 'Bearer page-token', 'content-type': 'application/json' }),
        body: { message: 'Sorry about that, we are checking.' },
      }),
    ]);
  }));

test('a public answer on Instagram is a reply to the comment', () =>
  withGraph({ id: '17870913679156914' }, async (base, seen) => {
    await metaAdapter({ base, token: 't' }).send(message({ channel: 'instagram', inReplyTo: '17858893269000001' }));
    expect(seen).toEqual([
      expect.objectContaining({ path: '/v21.0/17858893269000001/replies', body: { message: 'Sorry about that, we are checking.' } }),
    ]);
  }));

test('a private answer goes through the Send API as a RESPONSE to the customer', () =>
  withGraph({ recipient_id: '6543210987654321', message_id: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM' }, async (base, seen) => {
    const receipt = await metaAdapter({ base, token: 't' }).send(message({ visibility: 'private' }));
    expect(receipt).toEqual({ status: 'sent', externalMessageId: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM' });
    expect(seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v21.0/me/messages',
        body: {
          recipient: { id: '6543210987654321' },
          messaging_type: 'RESPONSE',
          message: { text: 'Sorry about that, we are checking.' },
        },
      }),
    ]);
  }));

test('a Graph error 400 is permanent, a 500 is retried', async () => {
  const statuses = [400, 500];
  const graph = await fakeChannel(() => ({
    status: statuses.shift()!,
    body: { error: { message: '(#100) Unsupported post request', type: 'GraphMethodException', code: 100 } },
  }));
  const adapter = metaAdapter({ base: graph.base, token: 't' });
  try {
    await expect(adapter.send(message())).rejects.toBeInstanceOf(PermanentSendError);
    const retried = adapter.send(message());
    await expect(retried).rejects.toThrow(/Meta answered 500/);
    await expect(retried).rejects.not.toBeInstanceOf(PermanentSendError);
  } finally {
    await graph.close();
  }
});
