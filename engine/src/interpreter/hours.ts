import { isOpen, nextOpening, OfficeHours, validateOfficeHours } from '../analysis/hours';
import { OfficeHoursConfig } from '../playbook/catalog';

/**
 * The `hours` node's view of office hours: a thin adapter from the catalog's config to the
 * analysis module (time zones, DST, overnight shifts and holidays live there, on luxon).
 * The two shapes are the same today ({timeZone, weekly: {mon: "09:00-17:00"}, holidays});
 * the adapter keeps the catalog's config free to evolve apart from the analysis API.
 */
function toOfficeHours(s: OfficeHoursConfig): OfficeHours {
  return { timeZone: s.timeZone, weekly: { ...s.weekly }, holidays: [...s.holidays] };
}

export function isOpenAt(schedule: OfficeHoursConfig, at: string): boolean {
  return isOpen(toOfficeHours(schedule), at);
}

/** The next opening at or after `at` (ISO), or null when the schedule never opens. */
export function nextOpeningAfter(schedule: OfficeHoursConfig, at: string): string | null {
  const next = nextOpening(toOfficeHours(schedule), at);
  return next ? next.toISOString() : null;
}

/**
 * What is wrong with a schedule, each with the field it is in (relative to the schedule),
 * so the validator can point at "config.schedule.weekly.mon". Checked one field at a time
 * through the analysis module's own check, so both agree on what a valid schedule is.
 */
export function officeHoursProblems(schedule: OfficeHoursConfig): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = [];
  const check = (path: string, h: OfficeHours) => validateOfficeHours(h).forEach((message) => out.push({ path, message }));
  check('timeZone', { timeZone: schedule.timeZone, weekly: {} });
  for (const [day, spec] of Object.entries(schedule.weekly)) check(`weekly.${day}`, { timeZone: 'UTC', weekly: { [day]: spec } });
  schedule.holidays.forEach((d, i) => check(`holidays.${i}`, { timeZone: 'UTC', weekly: {}, holidays: [d] }));
  return out;
}
