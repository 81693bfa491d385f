import { z } from 'zod';
import { CHANNELS } from '@firebreak/engine';

const key = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lower-case letters, digits, - and _');
const label = z.string().trim().min(1).max(64);

export const teamSchema = z.object({ key, name: z.string().trim().min(1).max(200) });

export const agentSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.string().email().max(200).optional(),
  signature: z.string().max(20).optional(),
  teams: z.array(key).max(50).default([]),
  skills: z.array(label).max(50).default([]),
  /** ISO 639-1 codes; empty = any language. */
  languages: z
    .array(z.string().regex(/^[a-z]{2}$/, 'an ISO 639-1 code like en'))
    .max(50)
    .default([]),
  /** Empty = any channel. */
  channels: z.array(z.enum(CHANNELS as unknown as ['x', 'facebook', 'instagram', 'email', 'chat'])).default([]),
  capacity: z.number().int().min(0).max(1000).default(5),
  available: z.boolean().default(true),
});
export type AgentInput = z.infer<typeof agentSchema>;

export const availabilitySchema = z.object({ available: z.boolean() });
export const pullSchema = z.object({ agentId: z.uuid() });
