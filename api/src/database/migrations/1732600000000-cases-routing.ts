import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customers with their identities, cases (one customer's open bundle of requests), and
 * routing: teams, agents and assignments. Interactions learn their customer and case.
 */
export class CasesRouting1732600000000 implements MigrationInterface {
  name = 'CasesRouting1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE customers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text,
        handle text,
        profile jsonb NOT NULL DEFAULT '{}',
        merged_into uuid REFERENCES customers(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- One (kind, value) belongs to one customer: that is what makes two handles one person.
      CREATE TABLE customer_identities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers(id),
        kind text NOT NULL,
        value text NOT NULL,
        source text NOT NULL CHECK (source IN ('channel','message')),
        interaction_id uuid REFERENCES interactions(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (kind, value)
      );
      CREATE INDEX customer_identities_customer ON customer_identities (customer_id);
      CREATE TABLE customer_merges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        survivor_id uuid NOT NULL REFERENCES customers(id),
        merged_id uuid NOT NULL REFERENCES customers(id),
        identity_kind text NOT NULL,
        identity_value text NOT NULL,
        interaction_id uuid REFERENCES interactions(id),
        merged_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE teams (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key text NOT NULL UNIQUE,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE agents (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        email text UNIQUE,
        signature text,
        skills text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        channels text[] NOT NULL DEFAULT '{}',
        capacity int NOT NULL DEFAULT 5 CHECK (capacity >= 0),
        available boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      -- last_assigned_at per team: round-robin turns are a team's, not the agent's overall.
      CREATE TABLE agent_teams (
        agent_id uuid NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
        team_id uuid NOT NULL REFERENCES teams(id) ON DELETE CASCADE,
        last_assigned_at timestamptz,
        PRIMARY KEY (agent_id, team_id)
      );

      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        customer_id uuid NOT NULL REFERENCES customers(id),
        status text NOT NULL CHECK (status IN ('open','closed','merged')),
        team text,
        agent_id uuid REFERENCES agents(id),
        opened_at timestamptz NOT NULL DEFAULT now(),
        last_activity_at timestamptz NOT NULL DEFAULT now(),
        closed_at timestamptz,
        resolution text,
        resolved_by text,
        merged_into uuid REFERENCES cases(id)
      );
      CREATE UNIQUE INDEX cases_one_open_per_customer ON cases (customer_id) WHERE status = 'open';
      CREATE INDEX cases_status_activity ON cases (status, last_activity_at DESC);

      ALTER TABLE interactions
        ADD COLUMN customer_id uuid REFERENCES customers(id),
        ADD COLUMN case_id uuid REFERENCES cases(id),
        ADD COLUMN joined_interaction_id uuid REFERENCES interactions(id),
        ADD COLUMN new_request boolean NOT NULL DEFAULT false;
      CREATE INDEX interactions_case ON interactions (case_id, received_at);
      CREATE INDEX interactions_customer ON interactions (customer_id);

      CREATE TABLE assignments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        interaction_id uuid NOT NULL REFERENCES interactions(id),
        case_id uuid REFERENCES cases(id),
        node_id text NOT NULL,
        idempotency_key text NOT NULL UNIQUE,
        team text NOT NULL,
        agent_id uuid REFERENCES agents(id),
        status text NOT NULL CHECK (status IN ('assigned','queued','closed')),
        mode text NOT NULL CHECK (mode IN ('push','pull')),
        strategy text NOT NULL,
        tier text,
        influence int NOT NULL DEFAULT 0,
        followers bigint NOT NULL DEFAULT 0,
        priority int NOT NULL,
        required_skills text[] NOT NULL DEFAULT '{}',
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        assigned_at timestamptz,
        closed_at timestamptz
      );
      CREATE INDEX assignments_queue ON assignments (team, priority DESC, followers DESC, created_at) WHERE status = 'queued';
      CREATE INDEX assignments_agent_active ON assignments (agent_id) WHERE status = 'assigned';
      CREATE INDEX assignments_case ON assignments (case_id);
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      DROP TABLE assignments;
      ALTER TABLE interactions DROP COLUMN new_request, DROP COLUMN joined_interaction_id, DROP COLUMN case_id, DROP COLUMN customer_id;
      DROP TABLE cases, agent_teams, agents, teams, customer_merges, customer_identities, customers;
    `);
  }
}
