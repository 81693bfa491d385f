import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Four-eyes publishing: a manager's publish, when the workspace asks for it, waits here as a
 * frozen snapshot of the draft until a second manager approves (it becomes the version) or
 * rejects it with a reason.
 */
export class PublishRequests1733112500000 implements MigrationInterface {
  name = 'PublishRequests1733112500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE playbook_publish_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        playbook_id uuid NOT NULL REFERENCES playbooks(id),
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        snapshot jsonb NOT NULL,
        note text,
        requested_by text NOT NULL,
        requested_by_id uuid NOT NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        decided_by text,
        decided_at timestamptz,
        reason text,
        version_id uuid REFERENCES playbook_versions(id),
        CHECK ((status = 'pending') = (decided_at IS NULL))
      );
      CREATE INDEX playbook_publish_requests_open ON playbook_publish_requests (playbook_id, status);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE playbook_publish_requests;`);
  }
}
