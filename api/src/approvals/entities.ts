import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { OfficeHours } from '@firebreak/engine';

/**
 * Who covers PR and legal approvals, and when: rank 1 is the first approver, higher ranks
 * are the backups an approval moves to when its SLA expires. A null schedule is always on.
 */
@Entity('duty_roster')
export class DutyRosterEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'text' }) role: 'manager' | 'pr' | 'legal';
  @Column({ type: 'text', name: 'user_email' }) userEmail: string;
  @Column({ type: 'int' }) rank: number;
  @Column({ type: 'jsonb', nullable: true }) schedule: OfficeHours | null;
}

export const approvalEntities = [DutyRosterEntity];
