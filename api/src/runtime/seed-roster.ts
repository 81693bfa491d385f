import { DataSource } from 'typeorm';
import { DutyRosterEntity } from '../approvals/entities';

/** The demo on-duty schedule: first approvers in London office hours, backups around the clock. */
const weekdays = (hours: string) => ({ timeZone: 'Europe/London', weekly: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours } });
export const DEMO_ROSTER: Array<Pick<DutyRosterEntity, 'role' | 'userEmail' | 'rank' | 'schedule'>> = [
  { role: 'manager', userEmail: 'manager@demo', rank: 1, schedule: null },
  { role: 'pr', userEmail: 'pr@demo', rank: 1, schedule: weekdays('08:00-18:00') },
  { role: 'pr', userEmail: 'pr.backup@demo', rank: 2, schedule: null },
  { role: 'legal', userEmail: 'legal@demo', rank: 1, schedule: weekdays('09:00-17:00') },
  { role: 'legal', userEmail: 'legal.backup@demo', rank: 2, schedule: null },
];

export async function seedRoster(db: DataSource): Promise<number> {
  const repo = db.getRepository(DutyRosterEntity);
  if (await repo.count()) return 0;
  await repo.save(DEMO_ROSTER.map((r) => repo.create(r)));
  return DEMO_ROSTER.length;
}
