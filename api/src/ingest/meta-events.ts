import { z } from 'zod';
import { validIso } from './time';
import type { InteractionInput } from '../interactions/interaction.schema';

/**
 * The parts of a Meta (Page / Messenger / Instagram) webhook delivery that Firebreak reads.
 * Other fields and change kinds are allowed and ignored.
 */
const from = z.object({ id: z.string().min(1), name: z.string().optional(), username: z.string().optional() });

const change = z.object({ field: z.string(), value: z.record(z.string(), z.unknown()) });

const feedValue = z.object({
  item: z.string(),
  verb: z.string(),
  from,
  message: z.string().optional(),
  post_id: z.string().optional(),
  comment_id: z.string().optional(),
  parent_id: z.string().optional(),
  created_time: z.union([z.number(), z.string()]).optional(),
});

const igCommentValue = z.object({
  id: z.string().min(1),
  text: z.string(),
  from,
  parent_id: z.string().optional(),
  media: z.object({ id: z.string() }).optional(),
});

/** A mention carries only ids; text and author are there when the delivery includes them. */
const igMentionValue = z.object({
  media_id: z.string().min(1),
  comment_id: z.string().optional(),
  text: z.string().optional(),
  from: from.optional(),
});

const messagingEvent = z.object({
  sender: z.object({ id: z.string().min(1) }),
  recipient: z.object({ id: z.string() }),
  timestamp: z.number().optional(),
  message: z.object({ mid: z.string().min(1), text: z.string().optional(), is_echo: z.boolean().optional() }).optional(),
});

export const metaDeliverySchema = z.object({
  object: z.enum(['page', 'instagram']),
  entry: z.array(
    z.object({
      id: z.string().min(1),
      time: z.number().optional(),
      changes: z.array(change).optional(),
      messaging: z.array(messagingEvent).optional(),
    }),
  ),
});
export type MetaDelivery = z.infer<typeof metaDeliverySchema>;

/**
 * An Instagram mention delivered as ids only (how Meta sends them): its text and author are
 * read from the Graph API before it can be taken in (see instagram-mentions.ts).
 */
export interface MentionToFetch {
  /** The brand's Instagram account, the one mentioned. */
  igUserId: string;
  mediaId: string;
  /** Present when the mention is in a comment; absent when it is in a post's caption. */
  commentId?: string;
  receivedAt?: string;
}

/** What one Meta delivery carries: messages ready to take in, and mentions to fetch first. */
export interface MetaEvents {
  interactions: InteractionInput[];
  mentions: MentionToFetch[];
}

/** A change whose value does not have the shape its field promises: the delivery is malformed. */
export class MalformedChange extends Error {}

function parseValue<T extends z.ZodType>(schema: T, value: unknown, where: string): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success)
    throw new MalformedChange(`${where}: ${r.error.issues.map((i) => `${i.path.join('.') || 'value'} ${i.message}`).join('; ')}`);
  return r.data;
}

const isoFrom = (t: number | string | undefined) =>
  t === undefined ? undefined : validIso(new Date(typeof t === 'number' ? (t < 1e12 ? t * 1000 : t) : t));

/**
 * Page posts and comments (public, facebook), Messenger messages (private, facebook) and
 * Instagram comments and mentions (public, instagram), as generic interactions. What the
 * Page or the Instagram account wrote itself (its own comments, Messenger echoes) is skipped,
 * as are edits, deletions and deliveries without text (reads, reactions). A mention that
 * comes as ids only is listed in `mentions`, to be fetched.
 */
export function interactionsFromMeta(delivery: MetaDelivery): MetaEvents {
  const out: InteractionInput[] = [];
  const mentions: MentionToFetch[] = [];
  delivery.entry.forEach((entry, e) => {
    const own = entry.id;
    (entry.changes ?? []).forEach((c, i) => {
      const where = `entry.${e}.changes.${i}`;
      if (delivery.object === 'page' && c.field === 'feed') {
        const v = parseValue(feedValue, c.value, where);
        if (v.verb !== 'add' || v.from.id === own || !v.message?.trim()) return;
        const isComment = v.item === 'comment' && v.comment_id;
        if (!isComment && !(['post', 'status', 'photo', 'video'].includes(v.item) && v.post_id)) return;
        out.push({
          channel: 'facebook',
          account: own,
          visibility: 'public',
          externalId: isComment ? v.comment_id! : v.post_id!,
          inReplyTo: isComment ? (v.parent_id ?? v.post_id) : undefined,
          text: v.message,
          receivedAt: isoFrom(v.created_time),
          author: { id: v.from.id, name: v.from.name },
        });
      } else if (delivery.object === 'instagram' && c.field === 'comments') {
        const v = parseValue(igCommentValue, c.value, where);
        if (v.from.id === own || !v.text.trim()) return;
        out.push({
          channel: 'instagram',
          account: own,
          visibility: 'public',
          externalId: v.id,
          inReplyTo: v.parent_id ?? v.media?.id,
          text: v.text,
          receivedAt: isoFrom(entry.time),
          author: { id: v.from.id, handle: v.from.username },
        });
      } else if (delivery.object === 'instagram' && c.field === 'mentions') {
        const v = parseValue(igMentionValue, c.value, where);
        if (!v.text?.trim() || !v.from) {
          mentions.push({ igUserId: own, mediaId: v.media_id, commentId: v.comment_id, receivedAt: isoFrom(entry.time) });
          return;
        }
        if (v.from.id === own) return;
        out.push({
          channel: 'instagram',
          account: own,
          visibility: 'public',
          externalId: v.comment_id ?? v.media_id,
          inReplyTo: v.comment_id ? v.media_id : undefined,
          text: v.text,
          receivedAt: isoFrom(entry.time),
          author: { id: v.from.id, handle: v.from.username },
        });
      }
    });
    for (const m of entry.messaging ?? []) {
      if (!m.message || m.message.is_echo || m.sender.id === own || !m.message.text?.trim()) continue;
      out.push({
        channel: delivery.object === 'instagram' ? 'instagram' : 'facebook',
        account: own,
        visibility: 'private',
        externalId: m.message.mid,
        text: m.message.text,
        receivedAt: isoFrom(m.timestamp),
        author: { id: m.sender.id },
      });
    }
  });
  return { interactions: out, mentions };
}
