import { ForbiddenException, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/roles';

/** The routing agent a request works for. Users and routing agents are the same people, matched by e-mail. */
export interface ActingAgent {
  id: string;
  name: string;
  email: string;
  teams: string[];
}

/** Roles that look at, or act in, another agent's inbox. */
export const SUPERVISORS = ['admin', 'manager'];

/**
 * Whose inbox: an agent's own (naming someone else is refused); a manager, admin or viewer
 * names the agent with `?agent=<email>`.
 */
export async function actingAgent(db: DataSource, user: AuthUser, asked?: string): Promise<ActingAgent> {
  if (user.role === 'agent' && asked && asked.toLowerCase() !== user.email.toLowerCase())
    throw new ForbiddenException(`${user.email} may only see their own inbox`);
  const email = user.role === 'agent' ? user.email : asked;
  if (!email)
    throw new UnprocessableEntityException({
      message: 'name the agent: ?agent=<email>',
      problems: [{ path: 'agent', message: 'required' }],
    });
  const [agent] = await db.query(
    `SELECT a.id, a.name, a.email, coalesce(array_agg(t.key) FILTER (WHERE t.key IS NOT NULL), '{}') AS teams
       FROM agents a LEFT JOIN agent_teams at ON at.agent_id = a.id LEFT JOIN teams t ON t.id = at.team_id
      WHERE lower(a.email) = lower($1) GROUP BY a.id`,
    [email],
  );
  if (!agent) throw new NotFoundException(`${email} has no agent profile in routing (a manager adds one with POST /api/agents)`);
  return agent;
}

/** An agent works the cases they hold; managers and admins may step in on any. */
export function mayWork(user: AuthUser, caseAgentId: string | null, agent: ActingAgent | null): boolean {
  if (SUPERVISORS.includes(user.role)) return true;
  return !!agent && caseAgentId === agent.id;
}
