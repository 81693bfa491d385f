import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

@Entity('teams')
export class TeamEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  /** What a route node names (`team: "care"`). */
  @Column({ type: 'text', unique: true }) key: string;
  @Column({ type: 'text' }) name: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

@Entity('agents')
export class AgentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  /** The user this agent logs in as, when they have a login. */
  @Column({ type: 'text', nullable: true, unique: true }) email: string | null;
  @Column({ type: 'text', nullable: true }) signature: string | null;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) skills: string[];
  /** Empty: any language. Otherwise ISO 639-1 codes this agent answers in. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) languages: string[];
  /** Empty: any channel. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) channels: string[];
  /** Open cases this agent can hold at once. */
  @Column({ type: 'int', default: 5 }) capacity: number;
  @Column({ type: 'boolean', default: true }) available: boolean;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

@Entity('agent_teams')
export class AgentTeamEntity {
  @PrimaryColumn({ type: 'uuid', name: 'agent_id' }) agentId: string;
  @PrimaryColumn({ type: 'uuid', name: 'team_id' }) teamId: string;
  @Column({ type: 'timestamptz', name: 'last_assigned_at', nullable: true }) lastAssignedAt: Date | null;
}

/** One route node visit: who got the interaction, or where it waits. Unique per idempotency key. */
@Entity('assignments')
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'interaction_id' }) interactionId: string;
  @Column({ type: 'uuid', name: 'case_id', nullable: true }) caseId: string | null;
  @Column({ type: 'text', name: 'node_id' }) nodeId: string;
  @Column({ type: 'text', name: 'idempotency_key', unique: true }) idempotencyKey: string;
  @Column({ type: 'text' }) team: string;
  @Column({ type: 'uuid', name: 'agent_id', nullable: true }) agentId: string | null;
  @Column({ type: 'text' }) status: 'assigned' | 'queued' | 'closed';
  @Column({ type: 'text' }) mode: 'push' | 'pull';
  @Column({ type: 'text' }) strategy: string;
  @Column({ type: 'text', nullable: true }) tier: string | null;
  @Column({ type: 'int', default: 0 }) influence: number;
  /** bigint: pg returns it as a string. */
  @Column({ type: 'bigint', default: 0 }) followers: string;
  @Column({ type: 'int' }) priority: number;
  @Column({ type: 'text', name: 'required_skills', array: true, default: () => "'{}'" }) requiredSkills: string[];
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'assigned_at', nullable: true }) assignedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt: Date | null;
}

export const routingEntities = [TeamEntity, AgentEntity, AgentTeamEntity, AssignmentEntity];
