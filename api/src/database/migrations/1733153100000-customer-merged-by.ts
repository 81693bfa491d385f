import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Merges made by a person (POST /api/customers/:id/merge) beside the automatic ones: who
 * merged, and no shared identity (the person knew; no message revealed it).
 */
export class CustomerMergedBy1733153100000 implements MigrationInterface {
  name = 'CustomerMergedBy1733153100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE customer_merges
        ADD COLUMN merged_by text,
        ALTER COLUMN identity_kind DROP NOT NULL,
        ALTER COLUMN identity_value DROP NOT NULL;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM customer_merges WHERE identity_kind IS NULL;
      ALTER TABLE customer_merges DROP COLUMN merged_by, ALTER COLUMN identity_kind SET NOT NULL, ALTER COLUMN identity_value SET NOT NULL;
    `);
  }
}
