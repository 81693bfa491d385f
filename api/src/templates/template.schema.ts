import { z } from 'zod';

export const templateNameSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,99}$/, 'lower-case letters, digits, dots, dashes and underscores (at most 100), starting with a letter or digit');

const source = z.string().trim().min(1, 'a template needs some text').max(20_000);

export const createTemplateSchema = z.object({ name: templateNameSchema, source }).strict();
export type CreateTemplate = z.infer<typeof createTemplateSchema>;

/** PUT replaces the source; a different `name` renames the template (refused while playbooks use the old name). */
export const updateTemplateSchema = z.object({ name: templateNameSchema.optional(), source }).strict();
export type UpdateTemplate = z.infer<typeof updateTemplateSchema>;

/** A sample context given by the caller: any JSON object, laid over the default sample. */
const contextSchema = z.record(z.string(), z.unknown());

export const previewSchema = z
  .object({
    source: z.string().max(20_000).optional(),
    name: templateNameSchema.optional(),
    context: contextSchema.optional(),
    interactionId: z.uuid().optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if ((v.source === undefined) === (v.name === undefined))
      ctx.addIssue({ code: 'custom', path: ['source'], message: 'give either a source or the name of a template' });
    if (v.context !== undefined && v.interactionId !== undefined)
      ctx.addIssue({ code: 'custom', path: ['context'], message: 'give either a context or an interactionId, not both' });
  });
export type PreviewRequest = z.infer<typeof previewSchema>;
