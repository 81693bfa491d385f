import { z } from 'zod';

export const searchCustomersSchema = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type SearchCustomers = z.infer<typeof searchCustomersSchema>;

export const pageSchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});
export type Page = z.infer<typeof pageSchema>;

/** What people may change on a customer: the CRM tier, the tags (replaced as a whole) and the notes; null clears. */
export const patchCustomerSchema = z
  .object({
    tier: z.string().trim().toLowerCase().min(1).max(50).nullable().optional(),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(30).optional(),
    notes: z.string().max(5_000).nullable().optional(),
  })
  .strict()
  .refine((v) => v.tier !== undefined || v.tags !== undefined || v.notes !== undefined, {
    message: 'give at least one of tier, tags and notes',
  });
export type PatchCustomer = z.infer<typeof patchCustomerSchema>;

export const mergeCustomerSchema = z.object({ otherCustomerId: z.uuid('a customer id (uuid)') }).strict();
