import { createHmac } from 'crypto';
import { interactionsFromMeta, MalformedChange, metaDeliverySchema } from './meta-events';
import { signatureMatches, xCrcResponseToken } from './signatures';
import { interactionsFromX, xActivitySchema } from './x-events';

test('X: the long text of an extended tweet wins, and timestamps become ISO dates', () => {
  const activity = xActivitySchema.parse({
    for_user_id: '1',
    tweet_create_events: [
      {
        id_str: '10',
        text: 'short…',
        extended_tweet: { full_text: 'the whole complaint, well past 140 characters' },
        timestamp_ms: '1732500000000',
        user: { id_str: '2', screen_name: 'a' },
      },
    ],
  });
  expect(interactionsFromX(activity)).toEqual([
    expect.objectContaining({
      text: 'the whole complaint, well past 140 characters',
      receivedAt: '2024-11-25T02:00:00.000Z',
      visibility: 'public',
    }),
  ]);
});

test('X: DMs the brand sent, and events that are not messages, are skipped', () => {
  const activity = xActivitySchema.parse({
    for_user_id: '1',
    direct_message_events: [
      { type: 'message_create', id: 'd1', message_create: { sender_id: '1', message_data: { text: 'our answer' } } },
      { type: 'message_create', id: 'd2', message_create: { sender_id: '3', message_data: { text: '   ' } } },
      { type: 'participant_join', id: 'd3' },
    ],
  });
  expect(interactionsFromX(activity)).toEqual([]);
});

test('Meta: a change whose value lacks what its field promises is a MalformedChange naming where', () => {
  const delivery = metaDeliverySchema.parse({
    object: 'page',
    entry: [{ id: 'p', changes: [{ field: 'feed', value: { item: 'comment' } }] }],
  });
  expect(() => interactionsFromMeta(delivery)).toThrow(MalformedChange);
  expect(() => interactionsFromMeta(delivery)).toThrow(/entry\.0\.changes\.0: verb/);
});

test('Meta: unknown fields are ignored; an Instagram mention without text is skipped, not guessed', () => {
  const delivery = metaDeliverySchema.parse({
    object: 'instagram',
    entry: [
      {
        id: 'ig',
        changes: [
          { field: 'story_insights', value: { impressions: 3 } },
          { field: 'mentions', value: { media_id: 'm1', comment_id: 'c1' } },
        ],
      },
    ],
  });
  expect(interactionsFromMeta(delivery)).toEqual([]);
});

test('signatures: only the exact sha256 digest of the raw bytes matches', () => {
  const raw = Buffer.from('{"a":1}');
  const good = `sha256=${createHmac('sha256', 's').update(raw).digest('hex')}`;
  expect(signatureMatches(good, raw, 's', 'hex')).toBe(true);
  expect(signatureMatches(good, Buffer.from('{"a": 1}'), 's', 'hex')).toBe(false);
  expect(signatureMatches(good.slice(0, -1), raw, 's', 'hex')).toBe(false);
  expect(signatureMatches(undefined, raw, 's', 'hex')).toBe(false);
  expect(signatureMatches(good, undefined, 's', 'hex')).toBe(false);
  expect(xCrcResponseToken('s', 'abc')).toMatch(/^sha256=[A-Za-z0-9+/]+=*$/);
});

test('a timestamp no calendar has (found by the fuzz test) keeps the message, taken as arriving now', () => {
  const meta = metaDeliverySchema.parse({
    object: 'page',
    entry: [
      {
        id: 'page',
        changes: [
          {
            field: 'feed',
            value: { item: 'comment', verb: 'add', comment_id: 'c1', post_id: 'p1', message: 'hi', from: { id: 'u1' }, created_time: '`' },
          },
        ],
      },
    ],
  });
  expect(interactionsFromMeta(meta)).toEqual([expect.objectContaining({ externalId: 'c1', receivedAt: undefined })]);
  const x = xActivitySchema.parse({
    for_user_id: 'brand',
    tweet_create_events: [{ id_str: '1', text: 'hi', timestamp_ms: '9'.repeat(30), user: { id_str: 'u1', screen_name: 'u' } }],
  });
  expect(interactionsFromX(x)).toEqual([expect.objectContaining({ externalId: '1', receivedAt: undefined })]);
});
