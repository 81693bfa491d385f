/**
 * Influence and customer tier: who is talking matters (the seeds' "Frank the influencer").
 * The score is 0..100, logarithmic in followers (10 → 20, 1k → 60, 100k → 100) plus a
 * bonus for a verified account; the segment applies configurable thresholds with the
 * precedence vip > influencer > first_time > standard.
 */
import type { Author, InfluenceSegment } from '../facts';

export interface InfluenceConfig {
  /** CRM tiers that make a customer VIP (case-insensitive). */
  vipTiers?: string[];
  /** CRM tags that make a customer VIP (case-insensitive). */
  vipTags?: string[];
  /** Followers from which an author is an influencer. */
  influencerFollowers?: number;
  /** Score from which an author is an influencer (followers and verification combined). */
  influencerScore?: number;
  /** Bonus points for a verified account. */
  verifiedBonus?: number;
}

export const DEFAULT_INFLUENCE: Required<InfluenceConfig> = {
  vipTiers: ['vip', 'platinum', 'gold'],
  vipTags: ['vip'],
  influencerFollowers: 10_000,
  influencerScore: 80,
  verifiedBonus: 20,
};

export interface InfluenceResult {
  score: number;
  segment: InfluenceSegment;
}

export function influence(author: Author | undefined, config: InfluenceConfig = {}): InfluenceResult {
  const c = { ...DEFAULT_INFLUENCE, ...config };
  const followers = Math.max(0, author?.followers ?? 0);
  const raw = 20 * Math.log10(1 + followers) + (author?.verified ? c.verifiedBonus : 0);
  const score = Math.round(Math.min(100, raw));
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));
  const tier = author?.tier?.toLowerCase();
  const tags = (author?.tags ?? []).map((t) => t.toLowerCase());
  const vipTags = lower(c.vipTags);
  let segment: InfluenceSegment = 'standard';
  if ((tier && lower(c.vipTiers).has(tier)) || tags.some((t) => vipTags.has(t))) segment = 'vip';
  else if (followers >= c.influencerFollowers || score >= c.influencerScore) segment = 'influencer';
  else if (author?.previousInteractions === 0) segment = 'first_time';
  return { score, segment };
}
