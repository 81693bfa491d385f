import { z } from 'zod';
import { validIso } from './time';
import type { InteractionInput } from '../interactions/interaction.schema';

/**
 * The parts of an X Account Activity delivery that Firebreak reads. Anything else in the
 * payload (favorites, follows, typing indicators) is allowed and ignored.
 */
const xUser = z.object({
  id_str: z.string().min(1),
  screen_name: z.string().optional(),
  name: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  verified: z.boolean().optional(),
});

const tweet = z.object({
  id_str: z.string().min(1),
  text: z.string().optional(),
  full_text: z.string().optional(),
  extended_tweet: z.object({ full_text: z.string() }).optional(),
  in_reply_to_status_id_str: z.string().nullish(),
  timestamp_ms: z.string().regex(/^\d+$/).optional(),
  user: xUser,
});

const dmEvent = z.object({
  type: z.string(),
  id: z.string().min(1),
  created_timestamp: z.string().regex(/^\d+$/).optional(),
  message_create: z
    .object({
      sender_id: z.string().min(1),
      target: z.object({ recipient_id: z.string() }).optional(),
      message_data: z.object({ text: z.string() }),
    })
    .optional(),
});

const dmUser = z.object({
  id: z.string(),
  screen_name: z.string().optional(),
  name: z.string().optional(),
  followers_count: z.number().int().nonnegative().optional(),
  verified: z.boolean().optional(),
});

export const xActivitySchema = z.object({
  for_user_id: z.string().min(1),
  tweet_create_events: z.array(tweet).optional(),
  direct_message_events: z.array(dmEvent).optional(),
  users: z.record(z.string(), dmUser).optional(),
});
export type XActivity = z.infer<typeof xActivitySchema>;

const isoFromMs = (ms?: string) => (ms ? validIso(new Date(Number(ms))) : undefined);

/**
 * Tweets and DMs addressed to the brand, as generic interactions. The brand's own tweets
 * and DMs come back through the same webhook (for_user_id is the brand): they are not
 * customer messages and would otherwise start runs that answer ourselves.
 */
export function interactionsFromX(activity: XActivity): InteractionInput[] {
  const brand = activity.for_user_id;
  const out: InteractionInput[] = [];
  for (const t of activity.tweet_create_events ?? []) {
    if (t.user.id_str === brand) continue;
    const text = t.extended_tweet?.full_text ?? t.full_text ?? t.text ?? '';
    if (!text.trim()) continue;
    out.push({
      channel: 'x',
      account: brand,
      externalId: t.id_str,
      visibility: 'public',
      text,
      inReplyTo: t.in_reply_to_status_id_str ?? undefined,
      receivedAt: isoFromMs(t.timestamp_ms),
      author: {
        id: t.user.id_str,
        handle: t.user.screen_name,
        name: t.user.name,
        followers: t.user.followers_count,
        verified: t.user.verified,
      },
    });
  }
  for (const e of activity.direct_message_events ?? []) {
    const m = e.message_create;
    if (e.type !== 'message_create' || !m || m.sender_id === brand || !m.message_data.text.trim()) continue;
    const sender = activity.users?.[m.sender_id];
    out.push({
      channel: 'x',
      account: brand,
      externalId: e.id,
      visibility: 'private',
      text: m.message_data.text,
      receivedAt: isoFromMs(e.created_timestamp),
      author: {
        id: m.sender_id,
        handle: sender?.screen_name,
        name: sender?.name,
        followers: sender?.followers_count,
        verified: sender?.verified,
      },
    });
  }
  return out;
}
