import { actorOf, auditedBody, redact } from './request-context';
import type { Request } from 'express';

test('secrets are redacted at any depth', () => {
  expect(redact({ by: 'a', password: 'p', nested: [{ apiToken: 't', clientSecret: 's', ok: 1 }] })).toEqual({
    by: 'a',
    password: '[redacted]',
    nested: [{ apiToken: '[redacted]', clientSecret: '[redacted]', ok: 1 }],
  });
});

test('webhook and ingest payloads keep only their ids', () => {
  expect(auditedBody('/api/interactions', { channel: 'x', externalId: 'e1', text: 'private words' })).toEqual({
    channel: 'x',
    externalId: 'e1',
  });
  const x = { for_user_id: '42', tweet_create_events: [{ id_str: '9', text: 'hello', user: { id_str: '7' } }] };
  expect(auditedBody('/api/webhooks/x', x)).toEqual({ ids: ['42', '9', '7'] });
  expect(auditedBody('/api/playbooks/:key/publish', { note: 'n' })).toEqual({ note: 'n' });
});

test('the actor is the signed-in user, never a name in the body; else anonymous', () => {
  expect(actorOf({ user: { email: 'pr@demo' }, body: { by: 'legal@demo' } } as unknown as Request)).toBe('pr@demo');
  expect(actorOf({ body: { by: 'pr@demo' } } as Request)).toBe('anonymous');
});
