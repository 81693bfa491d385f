import { createHmac } from 'crypto';
import { createServer, Server } from 'http';
import type { AddressInfo } from 'net';
import { Client } from 'pg';
import { eventually } from './support/http';
import { chain, publishPlaybook } from './support/playbooks';
import { startOwnServices } from './support/stack';

/**
 * A customer's tweet and Facebook comment arrive through the webhooks and are answered
 * through the real `x` and `meta` adapters, which talk to a stand-in for X and the Graph
 * API on loopback; Instagram mentions sent as ids are read from the same stand-in. This
 * file's api and worker share their own task queue, so the replies leave through this
 * worker only.
 */
const X_SECRET = 'x-secret-send-test';
const META_SECRET = 'meta-secret-send-test';
const run = `${Date.now()}`;
const seen: Array<{ method: string; path: string; authorization?: string; body: any }> = [];
let channelApi: Server;
let db: Client;
let url: string;
let services: Awaited<ReturnType<typeof startOwnServices>>;
/** What the stand-in Graph API answers to a GET, by the mentioned comment's id in the query. */
const mentionAnswers = new Map<string, { status: number; body: unknown }>();

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  channelApi = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization, body: JSON.parse(raw || '{}') });
      if (req.method === 'GET') {
        const asked = [...mentionAnswers.keys()].find((id) => decodeURIComponent(req.url!).includes(`comment_id(${id})`));
        const answer = asked ? mentionAnswers.get(asked)! : { status: 404, body: { error: { message: 'no such object' } } };
        res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
        return;
      }
      const body = req.url === '/2/tweets' ? { data: { id: `19${run}`, text: 'reply' } } : { id: `reply_${run}` };
      res.writeHead(req.url === '/2/tweets' ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => channelApi.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(channelApi.address() as AddressInfo).port}`;
  const env = {
    TEMPORAL_TASK_QUEUE: `firebreak-webhooks-send-${process.pid}`,
    FIREBREAK_CHANNEL_ADAPTERS: 'x=x,facebook=meta',
    X_API_BASE: base,
    X_BEARER_TOKEN: 'x-user-token',
    META_GRAPH_BASE: `${base}/v21.0`,
    META_PAGE_ACCESS_TOKEN: 'page-token',
    X_CONSUMER_SECRET: X_SECRET,
    META_APP_SECRET: META_SECRET,
  };
  services = await startOwnServices(env, { worker: true });
  url = services.url;
  await publishPlaybook(
    chain('webhooks-send-test', [
      { id: 'start', kind: 'start', config: { channels: ['x', 'facebook', 'instagram'], visibility: ['public'] }, next: 'next' },
      { id: 'send', kind: 'send', config: { template: 'acknowledge', visibility: 'public' }, ends: ['sent', 'failed'] },
    ]),
  );
  // Webhook deliveries cannot name a playbook: while this file runs, this one is the newest live one.
  await db.query(`UPDATE playbooks SET live_since = '2100-01-01' WHERE key = 'webhooks-send-test'`);
}, 120_000);

afterAll(async () => {
  services.stop();
  await db.query(`UPDATE playbooks SET archived = true, live_since = '2000-01-01' WHERE key = 'webhooks-send-test'`);
  await db.end();
  await new Promise((r) => channelApi.close(r));
});

async function deliver(path: 'x' | 'meta', payload: unknown, status = 200): Promise<any> {
  const raw = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (path === 'x') headers['x-twitter-webhooks-signature'] = `sha256=${createHmac('sha256', X_SECRET).update(raw).digest('base64')}`;
  else headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', META_SECRET).update(raw).digest('hex')}`;
  const res = await fetch(`${url}/api/webhooks/${path}`, { method: 'POST', headers, body: raw });
  expect(res.status).toBe(status);
  return res.json();
}

const outbox = (externalId: string) =>
  eventually(
    async () => {
      const r = await db.query(
        `SELECT o.status, o.adapter, o.external_message_id FROM outbox o JOIN interactions i ON i.id = o.interaction_id WHERE i.external_id = $1`,
        [externalId],
      );
      return r.rows[0]?.status === 'sent' ? r.rows : undefined;
    },
    60_000,
    `the reply to ${externalId}`,
  );

test('a tweet is answered with a reply tweet through X API v2', async () => {
  const tweet = `18${run}`;
  await deliver('x', {
    for_user_id: '1500000000000000000',
    tweet_create_events: [
      { id_str: tweet, text: '@brand my parcel is lost', user: { id_str: '2244994945', screen_name: 'angela', name: 'Angela' } },
    ],
  });
  expect(await outbox(tweet)).toEqual([{ status: 'sent', adapter: 'x', external_message_id: `19${run}` }]);
  expect(seen.filter((s) => s.path === '/2/tweets')).toEqual([
    {
      method: 'POST',
      path: '/2/tweets',
      authorization: 'Bearer x-user-token',
      body: { text: expect.stringMatching(/Angela/), reply: { in_reply_to_tweet_id: tweet } },
    },
  ]);
});

test('a Facebook comment is answered with a reply comment through the Graph API', async () => {
  const comment = `${run}_77`;
  await deliver('meta', {
    object: 'page',
    entry: [
      {
        id: '104000000000001',
        changes: [
          {
            field: 'feed',
            value: {
              item: 'comment',
              verb: 'add',
              comment_id: comment,
              post_id: '1_2',
              message: 'charged twice',
              from: { id: '7002', name: 'Dev' },
            },
          },
        ],
      },
    ],
  });
  expect(await outbox(comment)).toEqual([{ status: 'sent', adapter: 'meta', external_message_id: `reply_${run}` }]);
  expect(seen.filter((s) => s.path.endsWith('/comments'))).toEqual([
    {
      method: 'POST',
      path: `/v21.0/${comment}/comments`,
      authorization: 'Bearer page-token',
      body: { message: expect.stringMatching(/Dev/) },
    },
  ]);
});

test('Instagram mentions sent as ids are read from the Graph API and run; one Meta will not show is skipped; an outage is a 503 that writes nothing', async () => {
  const ig = '17841400000000001';
  const [found, gone, later] = [1, 2, 3].map((n) => `179${run}${n}`);
  const mention = (commentId: string) => ({ field: 'mentions', value: { media_id: '180009', comment_id: commentId } });
  const delivery = (...changes: unknown[]) => ({ object: 'instagram', entry: [{ id: ig, time: 1732500006, changes }] });
  mentionAnswers.set(found, {
    status: 200,
    body: {
      id: ig,
      mentioned_comment: { id: found, text: '@brand my order never came', timestamp: '2024-11-25T01:59:00+0000', username: 'frank.ig' },
    },
  });
  mentionAnswers.set(gone, { status: 400, body: { error: { message: 'Unsupported get request', code: 100 } } });

  const body = await deliver('meta', delivery(mention(found), mention(gone)));
  expect(body.accepted.map((a: { externalId: string }) => a.externalId)).toEqual([found]);
  expect(body.skipped).toEqual([
    { channel: 'instagram', externalId: gone, reason: expect.stringMatching(/^Instagram answered 400: .*Unsupported get request/) },
  ]);
  // The read: the brand's account asks for the comment that mentioned it, with the Page token as a bearer token.
  expect(seen.find((s) => s.method === 'GET' && decodeURIComponent(s.path).includes(found))).toEqual({
    method: 'GET',
    path: `/v21.0/${ig}?fields=${encodeURIComponent(`mentioned_comment.comment_id(${found}){id,text,timestamp,username}`)}`,
    authorization: 'Bearer page-token',
    body: {},
  });
  const row = await eventually(async () => {
    const r = await db.query(
      `SELECT channel, visibility, text, in_reply_to, author, received_at, status FROM interactions WHERE external_id = $1`,
      [found],
    );
    return r.rows[0]?.status === 'completed' ? r.rows[0] : undefined;
  });
  expect(row).toMatchObject({
    channel: 'instagram',
    visibility: 'public',
    text: '@brand my order never came',
    in_reply_to: '180009',
    author: { id: 'frank.ig', handle: 'frank.ig' },
  });
  expect(row.received_at.toISOString()).toBe('2024-11-25T01:59:00.000Z');

  // Meta down while reading a mention: 503 (Meta redelivers), and the delivery's other message is not written either.
  mentionAnswers.set(later, { status: 503, body: { error: { message: 'temporarily unavailable' } } });
  const comment = { field: 'comments', value: { id: `179${run}4`, text: 'and my refund?', from: { id: '9004', username: 'gus' } } };
  const refused = await deliver('meta', delivery(comment, mention(later)), 503);
  expect(refused.message).toMatch(/could not be read yet/);
  const stored = await db.query(`SELECT external_id FROM interactions WHERE external_id = ANY($1)`, [[later, `179${run}4`]]);
  expect(stored.rows).toEqual([]);
});
