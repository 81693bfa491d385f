import { channelAdaptersFromConfig, PermanentSendError, type OutgoingMessage } from '../channels';
import { fakeChannel } from './fake-channel';
import { xAdapter } from './x';

const message = (over: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  channel: 'x',
  visibility: 'public',
  text: 'Hi Angela, we are on it.',
  inReplyTo: '1850000000000000001',
  recipient: { id: '2244994945', handle: 'angela' },
  idempotencyKey: 'wf-1:send:1:0',
  ...over,
});

test('a public answer is a tweet in reply to the customer tweet, with the bearer token', async () => {
  const x = await fakeChannel(() => ({ status: 201, body: { data: { id: '1850000000000000099', text: 'Hi Angela, we are on it.' } } }));
  try {
    const receipt = await xAdapter({ base: x.base, token: 'user-token' }).send(message());
    expect(receipt).toEqual({ status: 'sent', externalMessageId: '1850000000000000099' });
    expect(x.seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/2/tweets',
        headers: expect.objectContaining({ authorization: 'Bearer user-token', 'content-type': 'application/json' }),
        body: { text: 'Hi Angela, we are on it.', reply: { in_reply_to_tweet_id: '1850000000000000001' } },
      }),
    ]);
  } finally {
    await x.close();
  }
});

test('a private answer is a DM to the customer', async () => {
  const x = await fakeChannel(() => ({ status: 201, body: { data: { dm_conversation_id: '1-2244994945', dm_event_id: '1582838' } } }));
  try {
    const receipt = await xAdapter({ base: `${x.base}/`, token: 't' }).send(message({ visibility: 'private' }));
    expect(receipt).toEqual({ status: 'sent', externalMessageId: '1582838' });
    expect(x.seen).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/2/dm_conversations/with/2244994945/messages',
        body: { text: 'Hi Angela, we are on it.' },
      }),
    ]);
  } finally {
    await x.close();
  }
});

test('a 4xx is permanent, a 429, a 5xx or a dropped connection is worth retrying', async () => {
  const statuses = [403, 429, 503];
  const x = await fakeChannel(() => {
    const status = statuses.shift();
    return status ? { status, body: { title: 'Forbidden', detail: 'You are not allowed to reply' } } : 'drop';
  });
  const adapter = xAdapter({ base: x.base, token: 't' });
  try {
    await expect(adapter.send(message())).rejects.toBeInstanceOf(PermanentSendError);
    await expect(adapter.send(message())).rejects.toThrow(/X answered 429/);
    await expect(adapter.send(message())).rejects.toThrow(/X answered 503/);
    const dropped = adapter.send(message());
    await expect(dropped).rejects.toThrow(/X could not be reached/);
    await expect(dropped).rejects.not.toBeInstanceOf(PermanentSendError);
  } finally {
    await x.close();
  }
});

test('naming the x or meta adapter without its token stops the worker at start, saying which variable is missing', () => {
  const db = { query: async () => undefined } as never;
  expect(() => channelAdaptersFromConfig(db, 'x=x')).toThrow(/X_BEARER_TOKEN/);
  expect(() => channelAdaptersFromConfig(db, 'facebook=meta')).toThrow(/META_PAGE_ACCESS_TOKEN/);
});
