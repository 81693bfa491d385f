import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: append-only (a trigger rejects UPDATE, DELETE and TRUNCATE) and hash-chained
 * (each row's hash covers the previous row's hash), so an edit made around the trigger shows.
 */
export class Audit1733000000000 implements MigrationInterface {
  name = 'Audit1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_log (
        seq bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        method text,
        route text,
        resource_type text,
        resource_id text,
        status int,
        ip text,
        body jsonb,
        changes jsonb,
        prev_hash text NOT NULL,
        hash text NOT NULL UNIQUE
      );
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_actor ON audit_log (actor);
      CREATE INDEX audit_log_resource ON audit_log (resource_id);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP;
      END $$;
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log; DROP FUNCTION audit_log_append_only();`);
  }
}
