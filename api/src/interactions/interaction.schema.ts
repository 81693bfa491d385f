import { z } from 'zod';
import { CHANNELS } from '@firebreak/engine';

/** The generic JSON contract of `POST /api/interactions` (see DESIGN.md). */
export const interactionInputSchema = z.object({
  channel: z.enum(CHANNELS as unknown as ['x', 'facebook', 'instagram', 'email', 'chat']),
  externalId: z.string().min(1).max(200),
  author: z.object({
    id: z.string().min(1).max(200),
    handle: z.string().max(200).optional(),
    name: z.string().max(200).optional(),
    followers: z.number().int().nonnegative().optional(),
    verified: z.boolean().optional(),
    tier: z.string().max(50).optional(),
    tags: z.array(z.string().max(50)).max(50).optional(),
  }),
  text: z.string().min(1, 'text is empty').max(20_000),
  visibility: z.enum(['public', 'private']).default('public'),
  inReplyTo: z.string().max(200).optional(),
  /** The brand account it was addressed to (X user id, Facebook Page id, Instagram account id): a start node's `accounts` picks by it. */
  account: z.string().min(1).max(200).optional(),
  receivedAt: z.iso.datetime({ offset: true }).optional(),
  /** Run this playbook (by key) instead of the newest live one that takes the channel. */
  playbook: z.string().max(64).optional(),
});
export type InteractionInput = z.infer<typeof interactionInputSchema>;
