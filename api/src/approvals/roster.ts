import { DataSource } from 'typeorm';
import { isOpen } from '@firebreak/engine';
import { DutyRosterEntity } from './entities';

/**
 * The approvers on duty for a role at an instant, first approver first. An approval asks
 * the first; when its SLA expires it moves to the next one on duty (the backup).
 */
export async function onDuty(db: DataSource, role: string, at: Date): Promise<string[]> {
  const rows = await db.getRepository(DutyRosterEntity).find({ where: { role: role as DutyRosterEntity['role'] }, order: { rank: 'ASC' } });
  return rows.filter((r) => !r.schedule || isOpen(r.schedule, at)).map((r) => r.userEmail);
}
