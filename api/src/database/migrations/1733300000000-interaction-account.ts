import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The brand account a message was addressed to (X user id, Facebook Page id, Instagram
 * account id): the webhooks know it, and a start node's `accounts` filter picks by it.
 */
export class InteractionAccount1733300000000 implements MigrationInterface {
  name = 'InteractionAccount1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interactions ADD COLUMN account text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE interactions DROP COLUMN account`);
  }
}
