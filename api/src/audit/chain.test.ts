import { canonicalJson, chainHash, GENESIS } from './chain';

const fields = {
  at: new Date('2026-01-01T00:00:00.000Z'),
  actor: 'manager@demo',
  action: 'POST /api/playbooks/:key/publish',
  method: 'POST',
  route: '/api/playbooks/x/publish',
  resourceType: 'playbooks',
  resourceId: 'x',
  status: 201,
  ip: '127.0.0.1',
  body: { note: 'n', by: 'manager@demo' },
  changes: null,
};

test('canonical JSON sorts keys at every level, so a jsonb round trip hashes the same', () => {
  expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}');
  expect(chainHash(GENESIS, fields)).toBe(chainHash(GENESIS, { ...fields, body: { by: 'manager@demo', note: 'n' } }));
});

test('the hash depends on the previous hash and on every field', () => {
  const h = chainHash(GENESIS, fields);
  expect(h).toMatch(/^[0-9a-f]{64}$/);
  expect(chainHash('1'.repeat(64), fields)).not.toBe(h);
  expect(chainHash(GENESIS, { ...fields, actor: 'mallory' })).not.toBe(h);
  expect(chainHash(GENESIS, { ...fields, at: new Date('2026-01-01T00:00:00.001Z') })).not.toBe(h);
});
