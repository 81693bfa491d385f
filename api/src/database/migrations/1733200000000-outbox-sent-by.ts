import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who sent a reply by hand (an agent's inbox reply): the metrics credit a reply to the
 * person who wrote it, not to whoever holds the case now. Null for the playbook's own sends.
 */
export class OutboxSentBy1733200000000 implements MigrationInterface {
  name = 'OutboxSentBy1733200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox ADD COLUMN sent_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outbox DROP COLUMN sent_by`);
  }
}
