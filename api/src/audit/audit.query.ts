import { z } from 'zod';

/** The filters shared by search and export; every one optional. */
export const auditQuerySchema = z.object({
  actor: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(300).optional(),
  resource: z.string().min(1).max(300).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  q: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  cursor: z.string().regex(/^\d+$/, 'must be a seq from a previous page').optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const exportQuerySchema = auditQuerySchema.extend({ format: z.enum(['csv', 'json']).default('json') });
