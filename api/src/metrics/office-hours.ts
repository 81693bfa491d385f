import { validateOfficeHours, type OfficeHours } from '@firebreak/engine';

/**
 * The desk's office hours for business-hours metrics. Configured by the operator as JSON in
 * FIREBREAK_OFFICE_HOURS (the engine's OfficeHours shape, e.g.
 * {"timeZone":"Europe/London","weekly":{"mon":"09:00-17:00"}}); unset means Mon–Fri
 * 09:00–17:00 Europe/London. A bad value stops the api at start rather than skewing figures.
 */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  timeZone: 'Europe/London',
  weekly: { mon: '09:00-17:00', tue: '09:00-17:00', wed: '09:00-17:00', thu: '09:00-17:00', fri: '09:00-17:00' },
};

export function officeHoursFromEnv(raw = process.env.FIREBREAK_OFFICE_HOURS): OfficeHours {
  if (!raw?.trim()) return DEFAULT_OFFICE_HOURS;
  let parsed: OfficeHours;
  try {
    parsed = JSON.parse(raw) as OfficeHours;
  } catch (e) {
    throw new Error(`FIREBREAK_OFFICE_HOURS is not JSON: ${(e as Error).message}`, { cause: e });
  }
  if (!parsed || typeof parsed.timeZone !== 'string' || typeof parsed.weekly !== 'object' || parsed.weekly === null)
    throw new Error('FIREBREAK_OFFICE_HOURS needs {"timeZone": "...", "weekly": {...}}');
  const problems = validateOfficeHours(parsed);
  if (problems.length) throw new Error(`FIREBREAK_OFFICE_HOURS: ${problems.join('; ')}`);
  return parsed;
}
