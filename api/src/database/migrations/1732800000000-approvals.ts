import { MigrationInterface, QueryRunner } from 'typeorm';

export class Approvals1732800000000 implements MigrationInterface {
  name = 'Approvals1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE duty_roster (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        role text NOT NULL CHECK (role IN ('manager','pr','legal')),
        user_email text NOT NULL REFERENCES users(email) ON UPDATE CASCADE,
        rank int NOT NULL CHECK (rank >= 1),
        schedule jsonb,
        UNIQUE (role, user_email)
      );
      CREATE INDEX work_items_open ON work_items (kind, status);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX work_items_open; DROP TABLE duty_roster;`);
  }
}
