import { createHmac } from 'crypto';
import { interactionFromMention, mentionPath } from './instagram-mentions';
import { interactionsFromMeta, MalformedChange, metaDeliverySchema } from './meta-events';
import { signatureMatches, xCrcResponseToken } from './signatures';
import { interactionsFromX, xActivitySchema } from './x-events';

test('X: the long text of an extended tweet wins, timestamps become ISO dates, and the brand (for_user_id) is the account', () => {
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
      account: '1',
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

test('Meta: unknown fields are ignored; an Instagram mention sent as ids is listed to be fetched, not guessed', () => {
  const delivery = metaDeliverySchema.parse({
    object: 'instagram',
    entry: [
      {
        id: 'ig',
        changes: [
          { field: 'story_insights', value: { impressions: 3 } },
          { field: 'mentions', value: { media_id: 'm1', comment_id: 'c1' } },
          { field: 'mentions', value: { media_id: 'm2' } },
        ],
        time: 1732500006,
      },
    ],
  });
  const receivedAt = '2024-11-25T02:00:06.000Z';
  expect(interactionsFromMeta(delivery)).toEqual({
    interactions: [],
    mentions: [
      { igUserId: 'ig', mediaId: 'm1', commentId: 'c1', receivedAt },
      { igUserId: 'ig', mediaId: 'm2', commentId: undefined, receivedAt },
    ],
  });
});

test('Instagram mentions: the Graph API read asks for the comment or the caption, and its answer becomes the interaction', () => {
  const inComment = { igUserId: '1784', mediaId: 'm1', commentId: 'c1', receivedAt: '2024-11-25T02:00:06.000Z' };
  const inCaption = { igUserId: '1784', mediaId: 'm2' };
  expect(decodeURIComponent(mentionPath(inComment))).toBe('/1784?fields=mentioned_comment.comment_id(c1){id,text,timestamp,username}');
  expect(decodeURIComponent(mentionPath(inCaption))).toBe('/1784?fields=mentioned_media.media_id(m2){id,caption,timestamp,username}');
  expect(mentionPath(inComment)).not.toMatch(/[{},]/); // braces and commas encoded for the query string

  expect(
    interactionFromMention(inComment, {
      mentioned_comment: { id: 'c1', text: ' @brand my order? ', timestamp: '2024-11-25T01:59:00+0000', username: 'frank' },
    }),
  ).toEqual({
    channel: 'instagram',
    account: '1784',
    visibility: 'public',
    externalId: 'c1',
    inReplyTo: 'm1',
    text: '@brand my order?',
    receivedAt: '2024-11-25T01:59:00.000Z',
    author: { id: 'frank', handle: 'frank' },
  });
  expect(interactionFromMention(inCaption, { mentioned_media: { id: 'm2', caption: 'love it @brand', username: 'eve' } })).toMatchObject({
    externalId: 'm2',
    inReplyTo: undefined,
    text: 'love it @brand',
    receivedAt: undefined,
  });
  // The comment answered without the field asked for, a caption without text, no author: reasons, not interactions.
  expect(interactionFromMention(inComment, { mentioned_media: { caption: 'x', username: 'a' } })).toMatch(/no text/);
  expect(interactionFromMention(inCaption, { mentioned_media: { caption: '  ', username: 'a' } })).toMatch(/no text/);
  expect(interactionFromMention(inCaption, { mentioned_media: { caption: 'hi' } })).toMatch(/no author/);
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
  expect(interactionsFromMeta(meta).interactions).toEqual([expect.objectContaining({ externalId: 'c1', receivedAt: undefined })]);
  const x = xActivitySchema.parse({
    for_user_id: 'brand',
    tweet_create_events: [{ id_str: '1', text: 'hi', timestamp_ms: '9'.repeat(30), user: { id_str: 'u1', screen_name: 'u' } }],
  });
  expect(interactionsFromX(x)).toEqual([expect.objectContaining({ externalId: '1', receivedAt: undefined })]);
});
