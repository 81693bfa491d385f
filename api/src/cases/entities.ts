import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** What we know about a customer across channels; the newest values win, reach is the largest. */
export interface CustomerProfile {
  name?: string;
  handle?: string;
  followers?: number;
  verified?: boolean;
  tier?: string;
  tags?: string[];
  /** What the care team wrote about the customer (PATCH /api/customers/:id). */
  notes?: string;
  /** The author as each channel last showed them. */
  channels?: Record<string, { handle?: string; name?: string; followers?: number; verified?: boolean; seenAt: string }>;
}

@Entity('customers')
export class CustomerEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ type: 'text', nullable: true }) handle: string | null;
  @Column({ type: 'jsonb', default: () => "'{}'" }) profile: CustomerProfile;
  /** Set when this record turned out to be the same person as another (the survivor). */
  @Column({ type: 'uuid', name: 'merged_into', nullable: true }) mergedInto: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @UpdateDateColumn({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}

@Entity('customer_identities')
export class CustomerIdentityEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'customer_id' }) customerId: string;
  /** A channel (x, facebook, instagram, chat, email) or what the customer wrote (email, phone, order_number). */
  @Column({ type: 'text' }) kind: string;
  @Column({ type: 'text' }) value: string;
  @Column({ type: 'text' }) source: 'channel' | 'message';
  @Column({ type: 'uuid', name: 'interaction_id', nullable: true }) interactionId: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}

@Entity('customer_merges')
export class CustomerMergeEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'survivor_id' }) survivorId: string;
  @Column({ type: 'uuid', name: 'merged_id' }) mergedId: string;
  @Column({ type: 'text', name: 'identity_kind' }) identityKind: string;
  @Column({ type: 'text', name: 'identity_value' }) identityValue: string;
  @Column({ type: 'uuid', name: 'interaction_id', nullable: true }) interactionId: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'merged_at' }) mergedAt: Date;
}

@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'customer_id' }) customerId: string;
  /** open → closed; `merged` when the customer turned out to be someone with an open case already. */
  @Column({ type: 'text' }) status: 'open' | 'closed' | 'merged';
  @Column({ type: 'text', nullable: true }) team: string | null;
  @Column({ type: 'uuid', name: 'agent_id', nullable: true }) agentId: string | null;
  @CreateDateColumn({ type: 'timestamptz', name: 'opened_at' }) openedAt: Date;
  @Column({ type: 'timestamptz', name: 'last_activity_at' }) lastActivityAt: Date;
  @Column({ type: 'timestamptz', name: 'closed_at', nullable: true }) closedAt: Date | null;
  @Column({ type: 'text', nullable: true }) resolution: string | null;
  @Column({ type: 'text', name: 'resolved_by', nullable: true }) resolvedBy: string | null;
  @Column({ type: 'uuid', name: 'merged_into', nullable: true }) mergedInto: string | null;
}

export const caseEntities = [CustomerEntity, CustomerIdentityEntity, CustomerMergeEntity, CaseEntity];
