import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who stood a crisis down, beside when (the audit trail of a crisis). */
export class CrisisStandDown1732900000000 implements MigrationInterface {
  name = 'CrisisStandDown1732900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE crises ADD COLUMN stood_down_by text; CREATE INDEX interactions_crisis_matches ON interactions USING gin ((facts->'matches'));`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX interactions_crisis_matches; ALTER TABLE crises DROP COLUMN stood_down_by;`);
  }
}
