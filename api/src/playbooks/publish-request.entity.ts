import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Playbook } from '@firebreak/engine';

export type PublishRequestStatus = 'pending' | 'approved' | 'rejected';

/** A publish waiting for a second manager (four eyes): the draft as it was when asked. */
@Entity('playbook_publish_requests')
export class PublishRequestEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'playbook_id' }) playbookId: string;
  @Column({ type: 'text' }) status: PublishRequestStatus;
  /** What gets published on approval, whatever the draft has become since. */
  @Column({ type: 'jsonb' }) snapshot: Playbook;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ type: 'text', name: 'requested_by' }) requestedBy: string;
  /** The requester's user id: who may not approve it. */
  @Column({ type: 'uuid', name: 'requested_by_id' }) requestedById: string;
  @CreateDateColumn({ type: 'timestamptz', name: 'requested_at' }) requestedAt: Date;
  @Column({ type: 'text', name: 'decided_by', nullable: true }) decidedBy: string | null;
  @Column({ type: 'timestamptz', name: 'decided_at', nullable: true }) decidedAt: Date | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** The version the approval published. */
  @Column({ type: 'uuid', name: 'version_id', nullable: true }) versionId: string | null;
}

export const playbookEntities = [PublishRequestEntity];
