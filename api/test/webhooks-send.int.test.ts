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
 * API on loopback. This file's api and worker share their own task queue, so the replies
 * leave through this worker only.
 */
const X_SECRET = 'x-secret-send-test';
const META_SECRET = 'meta-secret-send-test';
const run = `${Date.now()}`;
const seen: Array<{ method: string; path: string; authorization?: string; body: any }> = [];
let channelApi: Server;
let db: Client;
let url: string;
let services: Awaited<ReturnType<typeof startOwnServices>>;

beforeAll(async () => {
  db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  channelApi = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      seen.push({ method: req.method!, path: req.url!, authorization: req.headers.authorization, body: JSON.parse(raw || '{}') });
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
      { id: 'start', kind: 'start', config: { channels: ['x', 'facebook'], visibility: ['public'] }, next: 'next' },
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

async function deliver(path: 'x' | 'meta', payload: unknown) {
  const raw = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (path === 'x') headers['x-twitter-webhooks-signature'] = `sha256=${createHmac('sha256', X_SECRET).update(raw).digest('base64')}`;
  else headers['x-hub-signature-256'] = `sha256=${createHmac('sha256', META_SECRET).update(raw).digest('hex')}`;
  const res = await fetch(`${url}/api/webhooks/${path}`, { method: 'POST', headers, body: raw });
  expect(res.status).toBe(200);
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
