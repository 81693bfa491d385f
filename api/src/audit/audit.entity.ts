import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One audit row: a request (who did what, from where, with what result) and/or entity changes. */
@Entity('audit_log')
export class AuditEntryEntity {
  /** bigint comes back from pg as a string; the chain is ordered by it. */
  @PrimaryGeneratedColumn({ type: 'bigint' }) seq: string;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) actor: string;
  @Column({ type: 'text' }) action: string;
  @Column({ type: 'text', nullable: true }) method: string | null;
  @Column({ type: 'text', nullable: true }) route: string | null;
  @Column({ type: 'text', name: 'resource_type', nullable: true }) resourceType: string | null;
  @Column({ type: 'text', name: 'resource_id', nullable: true }) resourceId: string | null;
  @Column({ type: 'int', nullable: true }) status: number | null;
  @Column({ type: 'text', nullable: true }) ip: string | null;
  @Column({ type: 'jsonb', nullable: true }) body: unknown;
  @Column({ type: 'jsonb', nullable: true }) changes: EntityChange[] | null;
  @Column({ type: 'text', name: 'prev_hash' }) prevHash: string;
  @Column({ type: 'text' }) hash: string;
}

/** An entity-level change, compact: only the fields that changed, before and after. */
export interface EntityChange {
  entity: string;
  id: string | null;
  op: 'insert' | 'update' | 'remove';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const auditEntities = [AuditEntryEntity];
