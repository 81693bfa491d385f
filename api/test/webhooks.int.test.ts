import { createHmac } from 'crypto';
import { Client } from 'pg';
import { api, eventually } from './support/http';
import { chain, publishPlaybook } from './support/playbooks';
import { startOwnServices } from './support/stack';

/**
 * The channels' webhooks on the real stack. An api process of this file's own gets the
 * secrets in its environment, as an operator would set them; the shared worker runs the
 * playbooks. Each delivery is signed here exactly as X and Meta sign theirs.
 */
const X_SECRET = 'x-consumer-secret-for-tests';
const META_SECRET = 'meta-app-secret-for-tests';
const VERIFY_TOKEN = 'meta-verify-token-for-tests';
const BRAND = '1500000000000000000';
const PAGE = '104000000000001';
const IG = '17841400000000001';
const run = `${Date.now()}`;
let db: Client;
let url: string;
let services: Awaited<ReturnType<typeof startOwnServices>>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const env = { X_CONSUMER_SECRET: X_SECRET, META_APP_SECRET: META_SECRET, META_VERIFY_TOKEN: VERIFY_TOKEN };
  services = await startOwnServices(env, { worker: false });
  url = services.url;
}, 120_000);

afterAll(async () => {
  services.stop();
  await db.end();
});

async function deliver(path: 'x' | 'meta', payload: unknown, sign: 'good' | 'bad' = 'good') {
  const raw = JSON.stringify(payload);
  const secret = sign === 'good' ? (path === 'x' ? X_SECRET : META_SECRET) : 'someone-else';
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (path === 'x') headers['x-twitter-webhooks-signature'] = `sha256=${createHmac('sha256', secret).update(raw).digest('base64')}`;
  else headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
  const res = await fetch(`${url}/api/webhooks/${path}`, { method: 'POST', headers, body: raw });
  return { status: res.status, body: await res.json() };
}

const stored = async (externalIds: string[]) =>
  (
    await db.query(
      `SELECT external_id, channel, account, visibility, in_reply_to, author, jsonb_array_length(coalesce(path, '[]'::jsonb)) AS steps FROM interactions WHERE external_id = ANY($1) ORDER BY external_id`,
      [externalIds],
    )
  ).rows;

/** Every interaction's playbook run has taken at least one step (its path is recorded by the worker). */
const allRan = (externalIds: string[]) =>
  eventually(
    async () => {
      const rows = await stored(externalIds);
      return rows.length === externalIds.length && rows.every((r) => r.steps > 0) ? rows : undefined;
    },
    60_000,
    `runs of ${externalIds.join(', ')}`,
  );

const tweetId = `18${run}01`;
const dmId = `18${run}02`;
const xActivity = {
  for_user_id: BRAND,
  tweet_create_events: [
    {
      id_str: tweetId,
      text: '@brand my parcel is lost, third time this month',
      in_reply_to_status_id_str: '1849999999999999999',
      timestamp_ms: '1732500000000',
      user: { id_str: '2244994945', screen_name: 'angela', name: 'Angela Smith', followers_count: 48210, verified: true },
    },
    // The brand's own answer comes back through the webhook: not a customer message.
    { id_str: `18${run}03`, text: '@angela sorry to hear that', user: { id_str: BRAND, screen_name: 'brand' } },
  ],
  direct_message_events: [
    {
      type: 'message_create',
      id: dmId,
      created_timestamp: '1732500001000',
      message_create: { sender_id: '3805104374', target: { recipient_id: BRAND }, message_data: { text: 'my order number is 4411' } },
    },
  ],
  users: { '3805104374': { id: '3805104374', name: 'Bo Chen', screen_name: 'bochen', followers_count: 12, verified: false } },
};

test('X CRC: the response token is the HMAC of crc_token under the consumer secret', async () => {
  const res = await fetch(`${url}/api/webhooks/x?crc_token=challenge-${run}`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({
    response_token: `sha256=${createHmac('sha256', X_SECRET).update(`challenge-${run}`).digest('base64')}`,
  });
});

test('a webhook whose secret is not configured answers 503 and says which variable is missing', async () => {
  const res = await api('GET', '/api/webhooks/x?crc_token=abc'); // the shared api has no secrets
  expect(res.status).toBe(503);
  expect(res.body.message).toMatch(/X_CONSUMER_SECRET/);
  const meta = await api('POST', '/api/webhooks/meta', { object: 'page', entry: [] });
  expect(meta.status).toBe(503);
  expect(meta.body.message).toMatch(/META_APP_SECRET/);
});

test('X: a bad signature is refused with 401 and nothing is stored', async () => {
  const res = await deliver('x', xActivity, 'bad');
  expect(res.status).toBe(401);
  expect(res.body.message).toMatch(/signature/);
  const unsigned = await fetch(`${url}/api/webhooks/x`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(xActivity),
  });
  expect(unsigned.status).toBe(401);
  expect(await stored([tweetId, dmId])).toEqual([]);
});

test('X: a tweet (public, in its thread) and a DM (private) become interactions that run; the brand’s own tweet does not', async () => {
  const res = await deliver('x', xActivity);
  expect(res.status).toBe(200);
  expect(res.body.accepted).toEqual([
    expect.objectContaining({ channel: 'x', externalId: tweetId, duplicate: false }),
    expect.objectContaining({ channel: 'x', externalId: dmId, duplicate: false }),
  ]);
  const rows = await allRan([tweetId, dmId]);
  expect(rows).toEqual([
    expect.objectContaining({
      external_id: tweetId,
      channel: 'x',
      account: BRAND,
      visibility: 'public',
      in_reply_to: '1849999999999999999',
      author: { id: '2244994945', handle: 'angela', name: 'Angela Smith', followers: 48210, verified: true },
    }),
    expect.objectContaining({
      external_id: dmId,
      channel: 'x',
      visibility: 'private',
      in_reply_to: null,
      author: { id: '3805104374', handle: 'bochen', name: 'Bo Chen', followers: 12, verified: false },
    }),
  ]);
  expect(await stored([`18${run}03`])).toEqual([]);

  // X redelivers: the same messages are recognised, nothing new is stored or started.
  const again = await deliver('x', xActivity);
  expect(again.status).toBe(200);
  expect(again.body.accepted.map((a: { id: string; duplicate: boolean }) => a.duplicate)).toEqual([true, true]);
  expect(again.body.accepted.map((a: { id: string }) => a.id)).toEqual(res.body.accepted.map((a: { id: string }) => a.id));
  expect(await stored([tweetId, dmId])).toHaveLength(2);
});

test('Meta verification echoes hub.challenge for the right token, 403 otherwise', async () => {
  const ok = await fetch(`${url}/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
  expect(ok.status).toBe(200);
  expect(await ok.text()).toBe('1158201444');
  const wrong = await fetch(`${url}/api/webhooks/meta?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444`);
  expect(wrong.status).toBe(403);
  expect(await wrong.text()).not.toContain('1158201444');
});

const ids = {
  post: `${PAGE}_${run}1`,
  comment: `${run}1_${run}2`,
  messenger: `m_${run}3`,
  igComment: `179${run}4`,
  igMention: `179${run}5`,
};
const pageDelivery = {
  object: 'page',
  entry: [
    {
      id: PAGE,
      time: 1732500002,
      changes: [
        {
          field: 'feed',
          value: {
            item: 'status',
            verb: 'add',
            post_id: ids.post,
            message: 'Your app charged me twice for one order',
            from: { id: '7001', name: 'Carla Diaz' },
            created_time: 1732500002,
          },
        },
        {
          field: 'feed',
          value: {
            item: 'comment',
            verb: 'add',
            comment_id: ids.comment,
            post_id: `${PAGE}_555`,
            parent_id: `${PAGE}_555`,
            message: 'Same here, no refund yet',
            from: { id: '7002', name: 'Dev Patel' },
            created_time: 1732500003,
          },
        },
        // The Page's own comment and an edit are not new customer messages.
        { field: 'feed', value: { item: 'comment', verb: 'add', comment_id: `${run}x`, message: 'hi', from: { id: PAGE } } },
        { field: 'feed', value: { item: 'comment', verb: 'edited', comment_id: ids.comment, message: 'edit', from: { id: '7002' } } },
      ],
    },
    {
      id: PAGE,
      time: 1732500004,
      messaging: [
        {
          sender: { id: '2990001' },
          recipient: { id: PAGE },
          timestamp: 1732500004000,
          message: { mid: ids.messenger, text: 'hello, where is my refund?' },
        },
        {
          sender: { id: PAGE },
          recipient: { id: '2990001' },
          timestamp: 1732500005000,
          message: { mid: `m_${run}echo`, text: 'hi', is_echo: true },
        },
      ],
    },
  ],
};
const instagramDelivery = {
  object: 'instagram',
  entry: [
    {
      id: IG,
      time: 1732500006,
      changes: [
        {
          field: 'comments',
          value: {
            id: ids.igComment,
            text: 'the colour faded after one wash',
            from: { id: '9001', username: 'eve.style' },
            media: { id: '180001' },
          },
        },
        {
          field: 'mentions',
          value: { media_id: '180002', comment_id: ids.igMention, text: '@brand still waiting', from: { id: '9002', username: 'frank' } },
        },
      ],
    },
  ],
};

test('Meta: a bad signature is refused with 401 and nothing is stored', async () => {
  expect((await deliver('meta', pageDelivery, 'bad')).status).toBe(401);
  expect(await stored(Object.values(ids))).toEqual([]);
});

test('Meta: Page posts, comments and Messenger (facebook), Instagram comments and mentions, each taken in and run', async () => {
  const page = await deliver('meta', pageDelivery);
  expect(page.status).toBe(200);
  expect(page.body.accepted.map((a: { externalId: string }) => a.externalId)).toEqual([ids.post, ids.comment, ids.messenger]);
  const ig = await deliver('meta', instagramDelivery);
  expect(ig.status).toBe(200);
  expect(ig.body.accepted.map((a: { externalId: string }) => a.externalId)).toEqual([ids.igComment, ids.igMention]);

  const rows = new Map((await allRan(Object.values(ids))).map((r) => [r.external_id, r]));
  expect(rows.get(ids.post)).toMatchObject({
    channel: 'facebook',
    account: PAGE,
    visibility: 'public',
    in_reply_to: null,
    author: { id: '7001', name: 'Carla Diaz' },
  });
  expect(rows.get(ids.comment)).toMatchObject({
    channel: 'facebook',
    visibility: 'public',
    in_reply_to: `${PAGE}_555`,
    author: { id: '7002' },
  });
  expect(rows.get(ids.messenger)).toMatchObject({ channel: 'facebook', visibility: 'private', author: { id: '2990001' } });
  expect(rows.get(ids.igComment)).toMatchObject({
    channel: 'instagram',
    account: IG,
    visibility: 'public',
    in_reply_to: '180001',
    author: { id: '9001', handle: 'eve.style' },
  });
  expect(rows.get(ids.igMention)).toMatchObject({
    channel: 'instagram',
    visibility: 'public',
    in_reply_to: '180002',
    author: { id: '9002', handle: 'frank' },
  });
  expect(await stored([`${run}x`, `m_${run}echo`])).toEqual([]);

  const again = await deliver('meta', pageDelivery);
  expect(again.body.accepted.every((a: { duplicate: boolean }) => a.duplicate)).toBe(true);
  expect(await stored(Object.values(ids))).toHaveLength(5);
});

test('malformed deliveries get a 400 that says what is wrong, and nothing of them is written', async () => {
  const good = { id: `179${run}6`, text: 'fine comment', from: { id: '9003' } };
  const meta = await deliver('meta', {
    object: 'instagram',
    entry: [
      {
        id: IG,
        changes: [
          { field: 'comments', value: good },
          { field: 'comments', value: { id: `179${run}7`, text: 'no author' } },
        ],
      },
    ],
  });
  expect(meta.status).toBe(400);
  expect(JSON.stringify(meta.body)).toMatch(/entry\.0\.changes\.1: from/);

  const x = await deliver('x', { for_user_id: BRAND, tweet_create_events: [{ id_str: `18${run}08`, text: 'no user' }] });
  expect(x.status).toBe(400);
  expect(x.body).toMatchObject({ message: 'the request body is invalid' });
  expect(JSON.stringify(x.body)).toMatch(/tweet_create_events\.0\.user/);

  const notJson = await fetch(`${url}/api/webhooks/x`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"for_user_id":',
  });
  expect(notJson.status).toBe(400);

  expect(await stored([`179${run}6`, `179${run}7`, `18${run}08`])).toEqual([]);
});

test('the brand account a delivery is for is kept, and a playbook whose start node lists accounts takes only messages to them', async () => {
  const otherPage = `1049${run}`;
  const key = `webhooks-accounts-${run}`;
  await publishPlaybook(
    chain(key, [
      { id: 'start', kind: 'start', config: { accounts: [otherPage] }, next: 'next' },
      { id: 'tag', kind: 'tag', config: { tags: ['second-page'] }, ends: ['next'] },
    ]),
  );
  // The newest live playbook: every message is offered to it first.
  await db.query(`UPDATE playbooks SET live_since = '2100-01-01' WHERE key = $1`, [key]);
  try {
    const post = (page: string, postId: string) => ({
      object: 'page',
      entry: [
        {
          id: page,
          changes: [
            { field: 'feed', value: { item: 'post', verb: 'add', post_id: postId, message: 'where is my order?', from: { id: '7100' } } },
          ],
        },
      ],
    });
    const [ours, theirs] = [`${otherPage}_1`, `${PAGE}_${run}9`];
    expect((await deliver('meta', post(otherPage, ours))).status).toBe(200);
    expect((await deliver('meta', post(PAGE, theirs))).status).toBe(200);
    const ran = async (externalId: string) =>
      (
        await db.query(
          `SELECT p.key, i.account FROM interactions i JOIN playbook_versions v ON v.id = i.playbook_version_id JOIN playbooks p ON p.id = v.playbook_id
            WHERE i.external_id = $1`,
          [externalId],
        )
      ).rows[0];
    expect(await ran(ours)).toEqual({ key, account: otherPage });
    expect(await ran(theirs)).toEqual({ key: expect.not.stringMatching(key), account: PAGE });
  } finally {
    await db.query(`UPDATE playbooks SET archived = true, live_since = '2000-01-01' WHERE key = $1`, [key]);
  }
});
