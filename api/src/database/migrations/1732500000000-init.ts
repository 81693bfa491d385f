import { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1732500000000 implements MigrationInterface {
  name = 'Init1732500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL UNIQUE,
        name text NOT NULL,
        role text NOT NULL CHECK (role IN ('admin','manager','pr','legal','agent','viewer')),
        password_hash text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE playbooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        description text,
        draft jsonb NOT NULL,
        archived boolean NOT NULL DEFAULT false,
        live_version_id uuid,
        live_since timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE playbook_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        playbook_id uuid NOT NULL REFERENCES playbooks(id),
        version int NOT NULL,
        graph jsonb NOT NULL,
        note text,
        published_by text,
        published_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (playbook_id, version)
      );
      ALTER TABLE playbooks ADD CONSTRAINT playbooks_live_version_fk FOREIGN KEY (live_version_id) REFERENCES playbook_versions(id);
      CREATE TABLE templates (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE,
        source text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE interactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        channel text NOT NULL,
        external_id text NOT NULL,
        text text NOT NULL,
        visibility text NOT NULL CHECK (visibility IN ('public','private')),
        author jsonb NOT NULL,
        in_reply_to text,
        received_at timestamptz NOT NULL,
        playbook_version_id uuid NOT NULL REFERENCES playbook_versions(id),
        workflow_id text NOT NULL,
        status text NOT NULL,
        facts jsonb,
        path jsonb NOT NULL DEFAULT '[]',
        vars jsonb,
        waiting jsonb,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (channel, external_id)
      );
      CREATE INDEX interactions_received_at ON interactions (received_at DESC);
      CREATE INDEX interactions_version ON interactions (playbook_version_id);
      CREATE TABLE work_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interaction_id uuid NOT NULL REFERENCES interactions(id),
        node_id text NOT NULL,
        kind text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        status text NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX work_items_interaction ON work_items (interaction_id);
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interaction_id uuid NOT NULL REFERENCES interactions(id),
        idempotency_key text NOT NULL UNIQUE,
        channel text NOT NULL,
        visibility text NOT NULL,
        text text NOT NULL,
        status text NOT NULL,
        attempts int NOT NULL DEFAULT 0,
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE crises (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        topic text NOT NULL,
        status text NOT NULL CHECK (status IN ('active','stood_down')),
        declared_by text NOT NULL,
        declared_at timestamptz NOT NULL DEFAULT now(),
        stood_down_at timestamptz
      );
      CREATE UNIQUE INDEX crises_one_active_per_topic ON crises (topic) WHERE status = 'active';
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE crises, outbox, work_items, interactions, templates;
      ALTER TABLE playbooks DROP CONSTRAINT playbooks_live_version_fk;
      DROP TABLE playbook_versions, playbooks, users;`);
  }
}
