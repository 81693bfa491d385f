import { z } from 'zod';
import { parseQuery } from '@firebreak/engine';
import { checkTemplate } from '../templates/template-check';

/** An ISO 639-1 language code; languages PostgreSQL cannot stem are searched word by word. */
export const languageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2}$/, 'a two-letter ISO 639-1 language code, e.g. "en"');

/**
 * What an article must be, for the api and for the files loaded on first start alike: a
 * body that compiles as a Handlebars template and a keyword query that parses, so that a
 * draft never fails on a broken article at run time.
 */
export const articleInputSchema = z
  .object({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes')
      .optional(),
    title: z.string().trim().min(1, 'a title is required').max(200),
    body: z
      .string()
      .trim()
      .min(1, 'a body is required')
      .max(20_000)
      .superRefine((body, ctx) => {
        // The templates' own check: a body that calls an unknown helper would fail when drafted.
        for (const p of checkTemplate(body).filter((p) => p.severity === 'error'))
          ctx.addIssue({ code: 'custom', message: `the body is not a valid template: ${p.message} (line ${p.line}, column ${p.column})` });
      }),
    lang: languageSchema.default('en'),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20).default([]),
    query: z
      .string()
      .trim()
      .max(2_000)
      .nullish()
      .transform((q) => (q ? q : null))
      .superRefine((query, ctx) => {
        if (!query) return;
        for (const e of parseQuery(query).errors)
          ctx.addIssue({ code: 'custom', message: `the keyword query is invalid: ${e.message} (at ${e.start})` });
      }),
  })
  .strict();

export type ArticleInput = z.infer<typeof articleInputSchema>;

export const searchSchema = z.object({
  q: z.string().trim().min(1, 'the search needs words').max(2_000, 'at most 2,000 characters'),
  lang: languageSchema.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export type SearchQuery = z.infer<typeof searchSchema>;
