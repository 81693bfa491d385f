import { ConflictException, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { drainFor, listQueues, takeNext } from './queue';
import { AgentInput } from './schema';

const AGENT_VIEW = `
  SELECT a.id, a.name, a.email, a.signature, a.skills, a.languages, a.channels, a.capacity, a.available,
         coalesce(array_agg(t.key ORDER BY t.key) FILTER (WHERE t.key IS NOT NULL), '{}') AS teams,
         (SELECT count(DISTINCT coalesce(s.case_id, s.id))::int FROM assignments s WHERE s.agent_id = a.id AND s.status = 'assigned') AS load
    FROM agents a LEFT JOIN agent_teams at ON at.agent_id = a.id LEFT JOIN teams t ON t.id = at.team_id`;

@Injectable()
export class RoutingService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  teams() {
    return this.db.query(
      `SELECT t.key, t.name, count(at.agent_id)::int AS agents, count(at.agent_id) FILTER (WHERE a.available)::int AS available
         FROM teams t LEFT JOIN agent_teams at ON at.team_id = t.id LEFT JOIN agents a ON a.id = at.agent_id GROUP BY t.id ORDER BY t.key`,
    );
  }

  async createTeam(body: { key: string; name: string }) {
    const rows = await this.db.query(`INSERT INTO teams (key, name) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING RETURNING key, name`, [
      body.key,
      body.name,
    ]);
    if (!rows.length) throw new ConflictException(`team "${body.key}" exists already`);
    return rows[0];
  }

  agents() {
    return this.db.query(`${AGENT_VIEW} GROUP BY a.id ORDER BY a.name`);
  }

  async agent(id: string, m: EntityManager = this.db.manager) {
    const rows = await m.query(`${AGENT_VIEW} WHERE a.id = $1 GROUP BY a.id`, [id]);
    if (!rows.length) throw new NotFoundException(`no agent with id "${id}"`);
    return rows[0];
  }

  /** One transaction: an unknown team or a taken e-mail leaves nothing half-created. */
  async createAgent(body: AgentInput) {
    return this.db.transaction(async (tx) => {
      const known = await tx.query(`SELECT id, key FROM teams WHERE key = ANY($1)`, [body.teams]);
      const unknown = body.teams.filter((k) => !known.some((t: { key: string }) => t.key === k));
      if (unknown.length) throw new UnprocessableEntityException(`unknown team(s): ${unknown.join(', ')}`);
      const rows = await tx.query(
        `INSERT INTO agents (name, email, signature, skills, languages, channels, capacity, available) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (email) DO NOTHING RETURNING id`,
        [body.name, body.email ?? null, body.signature ?? null, body.skills, body.languages, body.channels, body.capacity, body.available],
      );
      if (!rows.length) throw new ConflictException(`an agent with e-mail ${body.email} exists already`);
      for (const t of known) await tx.query(`INSERT INTO agent_teams (agent_id, team_id) VALUES ($1, $2)`, [rows[0].id, t.id]);
      return this.agent(rows[0].id, tx);
    });
  }

  /** Back on duty: push-mode work queued while nobody was free goes to them at once. */
  async setAvailability(id: string, available: boolean) {
    // TypeORM answers an UPDATE with [rows, affected].
    const [, affected] = await this.db.query(`UPDATE agents SET available = $2, updated_at = now() WHERE id = $1`, [id, available]);
    if (!affected) throw new NotFoundException(`no agent with id "${id}"`);
    const assigned = available ? await drainFor(this.db, id) : [];
    return { agent: await this.agent(id), assigned };
  }

  queues(team?: string) {
    return listQueues(this.db, team);
  }

  /** An agent takes the next item of a team's queue (pull mode). */
  async pull(team: string, agentId: string) {
    const agent = await this.agent(agentId);
    if (!agent.teams.includes(team)) throw new UnprocessableEntityException(`${agent.name} is not in team ${team}`);
    if (!agent.available) throw new ConflictException(`${agent.name} is not available`);
    const assignment = await this.db.transaction((tx) => takeNext(tx, agentId, [team], ['pull', 'push']));
    return { assignment };
  }
}
