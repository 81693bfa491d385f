import { z } from 'zod';

/** Managers, admins and viewers name the agent whose inbox they look at; an agent sees their own. */
export const inboxQuerySchema = z.object({ agent: z.string().trim().min(1).max(200).optional() });
export type InboxQuery = z.infer<typeof inboxQuerySchema>;

export const completeSchema = z.object({
  /** One of the task node's outcomes (422 lists them). */
  outcome: z.string().trim().min(1).max(100),
  /** Why, for the record (stored with the decision). */
  note: z.string().trim().min(1).max(2000).optional(),
  /** A reply drafted with the task: it becomes the run's draft, signed by the agent (e.g. for a PR approval). */
  text: z.string().trim().min(1).max(20_000).optional(),
});
export type CompleteBody = z.infer<typeof completeSchema>;

export const replySchema = z
  .object({
    /** The reply as the agent wrote or edited it; wins over a template or an article. */
    text: z.string().trim().min(1).max(20_000).optional(),
    /** A template, rendered for this case, when no text is given. */
    template: z.string().trim().min(1).max(200).optional(),
    /** A knowledge-base article, rendered for this case, when no text is given. */
    articleId: z.uuid().optional(),
    /** The customer message to answer (one of the case's); default the case's newest. */
    interactionId: z.uuid().optional(),
    /** Default: the answered message's visibility (a DM is answered privately). */
    visibility: z.enum(['public', 'private']).optional(),
    /** Makes a retried send a no-op, like the Idempotency-Key header (which wins). */
    clientId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => b.text || b.template || b.articleId, { message: 'give text, template or articleId', path: ['text'] });
export type ReplyBody = z.infer<typeof replySchema>;
