/**
 * The facts: everything the interpreter's decision nodes may know about one message.
 * Produced once per interaction by `analyze()` (in an activity on the server, directly in
 * the browser for test runs) so that decisions stay pure and cheap inside the workflow.
 * Keep it compact: it is stored in Temporal history and on the interaction row.
 */
export type Channel = 'x' | 'facebook' | 'instagram' | 'email' | 'chat';
export const CHANNELS: readonly Channel[] = ['x', 'facebook', 'instagram', 'email', 'chat'];
export type Visibility = 'public' | 'private';

export interface Author {
  id: string;
  handle?: string;
  name?: string;
  followers?: number;
  verified?: boolean;
  /** CRM tier, e.g. "gold" or "vip". */
  tier?: string;
  tags?: string[];
  /** Interactions this customer had before this one (0 = first-time). */
  previousInteractions?: number;
}

/** One incoming message as the engine sees it, whatever channel it came from. */
export interface Message {
  text: string;
  channel?: Channel;
  visibility?: Visibility;
  author?: Author;
  /** ISO instant the channel says the message was sent. */
  receivedAt?: string;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';
export type PriorityTier = 'first' | 'second' | 'noise';
export type InfluenceSegment = 'vip' | 'influencer' | 'first_time' | 'standard';

export interface PiiFinding {
  kind: string;
  start: number;
  end: number;
}

export interface Facts {
  language: string | null;
  sentiment: { compound: number; label: SentimentLabel };
  priority: { tier: PriorityTier; needsResponse: boolean; cues: string[] };
  pii: { found: boolean; kinds: string[]; spans: PiiFinding[] };
  influence: { score: number; segment: InfluenceSegment };
  /** Keyword-query results, keyed by the id of the node (or crisis topic) that owns the query. */
  matches: Record<string, boolean>;
  /** Crisis state at analysis time; filled by the server (crises live in the database). */
  crisis?: { active: boolean; topics: string[] };
}
