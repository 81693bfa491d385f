import { influence } from './index';

describe('influence', () => {
  test.each([
    [undefined, 0, 'standard'],
    [{ id: '1', followers: 9 }, 20, 'standard'],
    [{ id: '1', followers: 999 }, 60, 'standard'],
    [{ id: '1', followers: 10_000 }, 80, 'influencer'],
    [{ id: '1', followers: 2_000, verified: true }, 86, 'influencer'],
    [{ id: '1', followers: 5, previousInteractions: 0 }, 16, 'first_time'],
    [{ id: '1', followers: 1_000_000, tier: 'Gold' }, 100, 'vip'],
    [{ id: '1', tags: ['VIP'], previousInteractions: 0 }, 0, 'vip'],
  ] as const)('%j → %d %s', (author, score, segment) => {
    expect(influence(author)).toEqual({ score, segment });
  });

  test('thresholds are configurable', () => {
    const a = { id: '1', followers: 600, tier: 'gold' };
    expect(influence(a, { vipTiers: ['platinum'], influencerFollowers: 500 }).segment).toBe('influencer');
    expect(influence(a, { vipTiers: ['platinum'] }).segment).toBe('standard');
  });
});
