import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Facts, InteractionRef, PathStep, Playbook, RunState } from '@firebreak/engine';

/**
 * The tables that people query. Temporal holds the running state; these rows are what the
 * api, the editor and metrics read. Column names are snake_case in SQL (see the migrations).
 */
@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) email: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) role: 'admin' | 'manager' | 'pr' | 'legal' | 'agent' | 'viewer';
  @Column({ type: 'text', name: 'password_hash', select: false }) passwordHash: string;
  /** A disabled user can no longer sign in or use their session; their name stays in the audit log. */
  @Column({ type: 'boolean', default: false }) disabled: boolean;
  @Column({ type: 'timestamptz', name: 'last_login_at', nullable: true }) lastLoginAt: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

@Entity('playbooks')
export class PlaybookEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) key: string;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  /** The working copy managers edit; never run. */
  @Column({ type: 'jsonb' }) draft: Playbook;
  @Column({ type: 'boolean', default: false }) archived: boolean;
  /** The version new interactions run on, and since when (the newest live playbook wins). */
  @Column({ type: 'uuid', name: 'live_version_id', nullable: true }) liveVersionId: string | null;
  @Column({ type: 'timestamptz', name: 'live_since', nullable: true }) liveSince: Date | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

@Entity('playbook_versions')
@Index(['playbookId', 'version'], { unique: true })
export class PlaybookVersionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'playbook_id' }) playbookId: string;
  @Column({ type: 'int' }) version: number;
  /** Immutable once written: runs are pinned to it. */
  @Column({ type: 'jsonb' }) graph: Playbook;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text', name: 'published_by', nullable: true }) publishedBy: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'published_at' }) publishedAt: Date;
}

@Entity('templates')
export class TemplateEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text' }) source: string;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

@Entity('interactions')
@Index(['channel', 'externalId'], { unique: true })
export class InteractionEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) channel: InteractionRef['channel'];
  @Column({ type: 'text', name: 'external_id' }) externalId: string;
  @Column({ type: 'text' }) text: string;
  @Column({ type: 'text' }) visibility: InteractionRef['visibility'];
  @Column({ type: 'jsonb' }) author: InteractionRef['author'];
  @Column({ type: 'text', name: 'in_reply_to', nullable: true }) inReplyTo: string | null;
  /** The brand account it was addressed to, when the channel says (see the start node's `accounts`). */
  @Column({ type: 'text', nullable: true }) account: string | null;
  @Column({ type: 'timestamptz', name: 'received_at' }) receivedAt: Date;
  @Column({ type: 'uuid', name: 'playbook_version_id' }) playbookVersionId: string;
  @Column({ type: 'text', name: 'workflow_id' }) workflowId: string;
  /** received → running / waiting → completed / failed */
  @Column({ type: 'text' }) status: 'received' | RunState['status'];
  @Column({ type: 'jsonb', nullable: true }) facts: Facts | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) path: PathStep[];
  @Column({ type: 'jsonb', nullable: true }) vars: RunState['vars'] | null;
  @Column({ type: 'jsonb', nullable: true }) waiting: RunState['waiting'] | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

/** Every side effect of a node (assignment, approval, task, notification…), once per idempotency key. */
@Entity('work_items')
export class WorkItemEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'interaction_id' }) interactionId: string;
  @Column({ type: 'text', name: 'node_id' }) nodeId: string;
  @Column({ type: 'text' }) kind: 'assignment' | 'escalation' | 'approval' | 'task' | 'notification' | 'crisis' | 'resolution';
  @Column({ type: 'text', name: 'idempotency_key', unique: true }) idempotencyKey: string;
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) payload: Record<string, unknown>;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

/** Outgoing replies: written before sending, so a retry never sends twice. */
@Entity('outbox')
export class OutboxEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'interaction_id' }) interactionId: string;
  @Column({ type: 'text', name: 'idempotency_key', unique: true }) idempotencyKey: string;
  @Column({ type: 'text' }) channel: string;
  @Column({ type: 'text' }) visibility: 'public' | 'private';
  @Column({ type: 'text' }) text: string;
  /** pending → sent | sent (sandbox) | failed */
  @Column({ type: 'text' }) status: string;
  @Column({ type: 'int', default: 0 }) attempts: number;
  @Column({ type: 'timestamptz', name: 'sent_at', nullable: true }) sentAt: Date | null;
  /** The e-mail of the person who sent it from the inbox; null when the playbook sent it. */
  @Column({ type: 'text', name: 'sent_by', nullable: true }) sentBy: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

@Entity('crises')
export class CrisisEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ type: 'text' }) status: 'active' | 'stood_down';
  @Column({ type: 'text', name: 'declared_by' }) declaredBy: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'declared_at' }) declaredAt: Date;
  @Column({ type: 'timestamptz', name: 'stood_down_at', nullable: true }) stoodDownAt: Date | null;
  @Column({ type: 'text', name: 'stood_down_by', nullable: true }) stoodDownBy: string | null;
}

export const entities = [
  UserEntity,
  PlaybookEntity,
  PlaybookVersionEntity,
  TemplateEntity,
  InteractionEntity,
  WorkItemEntity,
  OutboxEntity,
  CrisisEntity,
];
