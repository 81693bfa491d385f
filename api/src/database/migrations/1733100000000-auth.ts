import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in: the workspace's own settings (IP allow-list, four-eyes publishing, the JWT
 * signing secret), API tokens for integrations (only their SHA-256 is kept), and users that
 * can be disabled without losing who they were in the audit log.
 */
export class Auth1733100000000 implements MigrationInterface {
  name = 'Auth1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE workspace_settings (
        id int PRIMARY KEY CHECK (id = 1),
        ip_allow_list text[] NOT NULL DEFAULT '{}',
        four_eyes_publish boolean NOT NULL DEFAULT false,
        jwt_secret text,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO workspace_settings (id) VALUES (1);
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        role text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        prefix text NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        last_used_at timestamptz,
        revoked_at timestamptz
      );
      ALTER TABLE users ADD COLUMN disabled boolean NOT NULL DEFAULT false;
      ALTER TABLE users ADD COLUMN last_login_at timestamptz;
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users DROP COLUMN last_login_at, DROP COLUMN disabled;
      DROP TABLE api_tokens, workspace_settings;
    `);
  }
}
