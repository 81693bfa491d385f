import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Live events carry one id across every process (api or worker) that publishes them, so an
 * EventSource that reconnects to another api process still resumes from its Last-Event-ID.
 */
export class LiveEvents1733140000000 implements MigrationInterface {
  name = 'LiveEvents1733140000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE live_event_id`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE live_event_id`);
  }
}
