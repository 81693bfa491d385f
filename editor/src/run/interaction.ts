/**
 * The interaction a test run starts with: typed by the manager, taken from a demo thread,
 * or a recorded interaction opened from the backtest. Kept as plain form values; the engine's
 * `InteractionRef` and analysis input are made from it when the run starts.
 */
import type { Channel, InteractionRef, Message, Visibility } from '@firebreak/engine';

/** Channels as people name them. */
export const CHANNEL_NAMES: Record<Channel, string> = {
  x: 'X',
  facebook: 'Facebook',
  instagram: 'Instagram',
  email: 'e-mail',
  chat: 'chat',
};

export interface TestInteraction {
  text: string;
  channel: Channel;
  visibility: Visibility;
  /** The brand account it is addressed to (none named when empty), for a start node that lists accounts. */
  account?: string;
  author: { name: string; handle: string; followers: number; verified: boolean; tier: string };
  /** A crisis declared when it arrives (crises live on the server; here the manager says). */
  crisis: { active: boolean; topics: string[] };
  /** When it arrives (ISO): office-hours nodes and SLAs read it. */
  receivedAt: string;
  /** What the customer writes next, in order: offered to nodes that wait for a reply. */
  replies: string[];
  /** Where it came from, shown above the run. */
  source: { kind: 'typed' } | { kind: 'sample'; threadId: string; brand: string | null } | { kind: 'recorded'; id: string };
}

export function blankInteraction(now = new Date()): TestInteraction {
  return {
    text: '',
    channel: 'x',
    visibility: 'public',
    author: { name: 'Test Customer', handle: 'test_customer', followers: 120, verified: false, tier: '' },
    crisis: { active: false, topics: [] },
    receivedAt: now.toISOString(),
    replies: [],
    source: { kind: 'typed' },
  };
}

/** A stable id per interaction: the holding node picks its variant from it, as in production. */
function idOf(t: TestInteraction): string {
  if (t.source.kind === 'sample') return `twcs-${t.source.threadId}`;
  if (t.source.kind === 'recorded') return t.source.id;
  return 'test-run';
}

export function toInteractionRef(t: TestInteraction): InteractionRef {
  const handle = t.author.handle.trim().replace(/^@/, '');
  return {
    id: idOf(t),
    channel: t.channel,
    visibility: t.visibility,
    text: t.text,
    author: {
      id: handle || 'test-customer',
      handle: handle || undefined,
      name: t.author.name.trim() || undefined,
      followers: t.author.followers,
      verified: t.author.verified,
      tier: t.author.tier.trim() || undefined,
    },
    receivedAt: t.receivedAt,
    ...(t.account?.trim() ? { account: t.account.trim() } : {}),
  };
}

/** What the analysis reads: the message with its author, as the worker's analyze activity passes it. */
export function toMessage(ref: InteractionRef): Message {
  return { text: ref.text, channel: ref.channel, visibility: ref.visibility, author: ref.author, receivedAt: ref.receivedAt };
}
