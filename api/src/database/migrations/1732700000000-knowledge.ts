import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The knowledge base (articles searched by PostgreSQL full text) and delivery bookkeeping
 * for the outbox: why the last attempt failed, which adapter sent a row and the channel's
 * id for it, and the sandbox channel's own record of what it "posted".
 */
export class Knowledge1732700000000 implements MigrationInterface {
  name = 'Knowledge1732700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kb_articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- Stable name of an article loaded from templates/kb/<key>.md; null for articles made in the app.
        key text UNIQUE,
        title text NOT NULL,
        body text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        query text,
        -- Title weighs most (A), the body next (B); Handlebars tags are not words a customer writes.
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('english', title), 'A') ||
          setweight(to_tsvector('english', regexp_replace(body, '\\{\\{[^}]*\\}\\}', ' ', 'g')), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX kb_articles_search ON kb_articles USING GIN (search);

      ALTER TABLE outbox
        ADD COLUMN last_error text,
        ADD COLUMN adapter text,
        ADD COLUMN external_message_id text;

      -- The sandbox channel: one row per message it was asked to post, keyed like a real
      -- channel API's idempotency key, so a repeated call is counted and never posted twice.
      CREATE TABLE sandbox_messages (
        idempotency_key text PRIMARY KEY,
        channel text NOT NULL,
        visibility text NOT NULL,
        recipient text,
        in_reply_to text,
        text text NOT NULL,
        calls int NOT NULL DEFAULT 1,
        posted_at timestamptz NOT NULL DEFAULT now(),
        last_call_at timestamptz NOT NULL DEFAULT now()
      );
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE sandbox_messages;
      ALTER TABLE outbox DROP COLUMN external_message_id, DROP COLUMN adapter, DROP COLUMN last_error;
      DROP TABLE kb_articles;
    `);
  }
}
