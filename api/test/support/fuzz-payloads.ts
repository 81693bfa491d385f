import fc from 'fast-check';

/** Real-shaped payloads the fuzzer starts from: what X, Meta and an integration actually send. */
export const seeds = {
  x: [
    {
      for_user_id: '1500000000000000000',
      tweet_create_events: [
        {
          id_str: '1860000000000000001',
          text: '@brand my parcel is lost, third time this month',
          in_reply_to_status_id_str: '1849999999999999999',
          timestamp_ms: '1732500000000',
          user: { id_str: '2244994945', screen_name: 'angela', name: 'Angela Smith', followers_count: 48210, verified: true },
        },
      ],
    },
    {
      for_user_id: '1500000000000000000',
      direct_message_events: [
        {
          type: 'message_create',
          id: '1860000000000000002',
          created_timestamp: '1732500001000',
          message_create: {
            sender_id: '3805104374',
            target: { recipient_id: '1500000000000000000' },
            message_data: { text: 'my order number is 4411' },
          },
        },
      ],
      users: { '3805104374': { id: '3805104374', name: 'Bo Chen', screen_name: 'bochen', followers_count: 12, verified: false } },
    },
  ],
  meta: [
    {
      object: 'page',
      entry: [
        {
          id: '104000000000001',
          time: 1732500002,
          changes: [
            {
              field: 'feed',
              value: {
                item: 'comment',
                verb: 'add',
                comment_id: '104000000000001_555_1',
                post_id: '104000000000001_555',
                parent_id: '104000000000001_555',
                message: 'Same here, no refund yet',
                from: { id: '7002', name: 'Dev Patel' },
                created_time: 1732500003,
              },
            },
          ],
          messaging: [
            {
              sender: { id: '2990001' },
              recipient: { id: '104000000000001' },
              timestamp: 1732500004000,
              message: { mid: 'm_fuzz_1', text: 'hello, where is my refund?' },
            },
          ],
        },
      ],
    },
    {
      object: 'instagram',
      entry: [
        {
          id: '17841400000000001',
          time: 1732500006,
          changes: [
            {
              field: 'comments',
              value: {
                id: '17900000000000001',
                text: 'the colour faded after one wash',
                from: { id: '9001', username: 'eve.style' },
                media: { id: '180001' },
              },
            },
          ],
        },
      ],
    },
  ],
  interactions: [
    {
      channel: 'x',
      externalId: 'fuzz-generic-1',
      author: { id: 'fuzz-author', name: 'Angela Smith', handle: 'angela', followers: 120 },
      text: 'the 20% discount link is broken again',
      visibility: 'public',
    },
    {
      channel: 'email',
      externalId: 'fuzz-generic-2',
      author: { id: 'fuzz-author-2', email: 'bo@example.com' },
      text: 'refund please',
      inReplyTo: 'fuzz-generic-1',
    },
  ],
};

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number };

function slots(value: unknown, out: Slot[] = [], depth = 0): Slot[] {
  if (depth > 8 || value === null || typeof value !== 'object') return out;
  const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value as Record<string, unknown>);
  for (const [key, v] of entries) {
    out.push({ parent: value as Slot['parent'], key });
    slots(v, out, depth + 1);
  }
  return out;
}

const OPS = ['delete', 'replace', 'wrap', 'null', 'empty', 'huge', 'retype', 'duplicate'] as const;
const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom(...OPS), value: fc.jsonValue({ maxDepth: 2 }) });

function apply(root: unknown, m: { at: number; op: (typeof OPS)[number]; value: unknown }): void {
  const all = slots(root);
  if (all.length === 0) return;
  const { parent, key } = all[m.at % all.length];
  const p = parent as Record<string | number, unknown>;
  const current = p[key];
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete p[key];
      break;
    case 'replace':
      p[key] = m.value;
      break;
    case 'wrap':
      p[key] = [current];
      break;
    case 'null':
      p[key] = null;
      break;
    case 'empty':
      p[key] = typeof current === 'object' && current !== null ? (Array.isArray(current) ? [] : {}) : '';
      break;
    case 'huge':
      p[key] = 'ä'.repeat(20_000);
      break;
    case 'retype':
      p[key] =
        typeof current === 'string'
          ? Number(current) || 0
          : typeof current === 'number'
            ? String(current)
            : JSON.stringify(current ?? null);
      break;
    case 'duplicate':
      if (Array.isArray(current)) current.push(structuredClone(current[0]));
      else p[key] = [current, current];
      break;
  }
}

/** A seed with one to five mutations applied, as a JSON body. */
export const mutatedJson = (seedList: unknown[]) =>
  fc.tuple(fc.constantFrom(...seedList), fc.array(mutation, { minLength: 1, maxLength: 5 })).map(([seed, muts]) => {
    const copy = structuredClone(seed);
    for (const m of muts) apply(copy, m);
    return JSON.stringify(copy);
  });
