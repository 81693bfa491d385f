import { PipeTransform, UnprocessableEntityException } from '@nestjs/common';
import { z, ZodType } from 'zod';

/**
 * Query parameters of the playbook endpoints, checked with zod. A bad parameter is a 422 with
 * its name as the field path (the request is well-formed, its values are not usable), the
 * same shape as the validator's problems.
 */
export class QueryPipe<T extends ZodType> implements PipeTransform {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success)
      throw new UnprocessableEntityException({
        message: 'the query parameters are invalid',
        problems: result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      });
    return result.data;
  }
}

/** A version of a playbook: a published version number, or its working copy. */
export type VersionRef = number | 'draft';

const versionRef = z
  .string()
  .regex(/^(draft|[1-9]\d{0,8})$/, 'a version number (1, 2, …) or "draft"')
  .transform((v): VersionRef => (v === 'draft' ? 'draft' : Number(v)));
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listQuery = z.object({ archived: flag.default(false) });
export const diffQuery = z.object({
  from: versionRef,
  to: versionRef.default('draft'),
  ignorePositions: flag.default(false),
});
export const exportQuery = z.object({ version: versionRef.default('draft') });
export const importQuery = z.object({
  mode: z.enum(['draft'], 'mode is "draft" (replace the draft of an existing playbook) or absent').optional(),
});
export const requestsQuery = z.object({ status: z.enum(['pending', 'approved', 'rejected', 'all']).default('pending') });

export const publishBody = z.object({ note: z.string().trim().max(2000).optional() }).default({});
export const rejectBody = z.object({ reason: z.string().trim().min(1, 'say why the publish is rejected').max(2000) });
