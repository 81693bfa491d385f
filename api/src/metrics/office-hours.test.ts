import { DEFAULT_OFFICE_HOURS, officeHoursFromEnv } from './office-hours';

describe('office hours from FIREBREAK_OFFICE_HOURS', () => {
  it('defaults to Mon–Fri 09:00–17:00 London when unset or blank', () => {
    expect(officeHoursFromEnv(undefined)).toBe(DEFAULT_OFFICE_HOURS);
    expect(officeHoursFromEnv('  ')).toBe(DEFAULT_OFFICE_HOURS);
  });

  it('takes a valid schedule as given', () => {
    const raw = '{"timeZone":"America/New_York","weekly":{"sat":"10:00-14:00"},"holidays":["2026-12-25"]}';
    expect(officeHoursFromEnv(raw)).toEqual(JSON.parse(raw));
  });

  it('refuses what would skew every business-hours figure', () => {
    expect(() => officeHoursFromEnv('{oops')).toThrow(/not JSON/);
    expect(() => officeHoursFromEnv('{"weekly":{}}')).toThrow(/timeZone/);
    expect(() => officeHoursFromEnv('{"timeZone":"Mars/Olympus","weekly":{}}')).toThrow(/Unknown time zone/);
    expect(() => officeHoursFromEnv('{"timeZone":"Europe/London","weekly":{"mon":"9-5"}}')).toThrow(/mon/);
  });
});
