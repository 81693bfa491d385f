import { businessTimeBetween, isOpen, nextOpening, parseShifts, validateOfficeHours, type OfficeHours } from './index';

const H = 3_600_000;
const london: OfficeHours = {
  timeZone: 'Europe/London',
  weekly: {
    mon: [{ open: '09:00', close: '17:00' }],
    tue: '09:00-17:00',
    wed: '09:00-12:00, 13:00-17:00',
    fri: [{ open: '09:00', close: '17:00' }],
    sat: [{ open: '22:00', close: '06:00' }], // overnight into Sunday
  },
  holidays: ['2026-12-28'],
};

describe('office hours', () => {
  test('open and closed around a weekday shift (GMT)', () => {
    expect(isOpen(london, '2026-03-23T08:59:59Z')).toBe(false);
    expect(isOpen(london, '2026-03-23T09:00:00Z')).toBe(true);
    expect(isOpen(london, '2026-03-23T16:59:59Z')).toBe(true);
    expect(isOpen(london, '2026-03-23T17:00:00Z')).toBe(false);
  });

  test('after the spring DST change 09:00 local is 08:00 UTC', () => {
    expect(isOpen(london, '2026-03-30T07:59:00Z')).toBe(false);
    expect(isOpen(london, '2026-03-30T08:00:00Z')).toBe(true);
    expect(isOpen(london, '2026-03-30T16:30:00Z')).toBe(false);
  });

  test('an overnight shift spanning the DST change lasts 7 real hours', () => {
    // Sat 28 Mar 2026 22:00 GMT → Sun 29 Mar 06:00 BST; clocks jump 01:00 → 02:00.
    expect(businessTimeBetween(london, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toBe(7 * H);
    expect(isOpen(london, '2026-03-29T04:59:00Z')).toBe(true); // 05:59 BST
    expect(isOpen(london, '2026-03-29T05:00:00Z')).toBe(false); // 06:00 BST
  });

  test('autumn DST: the overnight shift lasts 9 real hours', () => {
    // Sat 24 Oct 2026 22:00 BST → Sun 25 Oct 06:00 GMT; clocks fall back 02:00 → 01:00.
    expect(businessTimeBetween(london, '2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z')).toBe(9 * H);
  });

  test('overnight shift: open after midnight on the next day', () => {
    expect(isOpen(london, '2026-01-03T21:59:00Z')).toBe(false); // Sat 21:59
    expect(isOpen(london, '2026-01-04T03:00:00Z')).toBe(true); // Sun 03:00
    expect(isOpen(london, '2026-01-04T06:00:00Z')).toBe(false);
  });

  test('a holiday cancels its shifts; next opening skips it', () => {
    expect(isOpen(london, '2026-12-28T10:00:00Z')).toBe(false); // a Monday
    expect(nextOpening(london, '2026-12-28T10:00:00Z')?.toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });

  test('next opening: now when open, later today, or after the weekend', () => {
    expect(nextOpening(london, '2026-03-23T10:00:00Z')?.toISOString()).toBe('2026-03-23T10:00:00.000Z');
    expect(nextOpening(london, '2026-03-25T12:30:00Z')?.toISOString()).toBe('2026-03-25T13:00:00.000Z');
    expect(nextOpening(london, '2026-03-27T18:00:00Z')?.toISOString()).toBe('2026-03-28T22:00:00.000Z');
    expect(nextOpening({ timeZone: 'UTC', weekly: {} }, '2026-03-27T18:00:00Z')).toBeNull();
  });

  test('business time between: lunch break, weekends, reversed range', () => {
    expect(businessTimeBetween(london, '2026-03-25T08:00:00Z', '2026-03-25T18:00:00Z')).toBe(7 * H);
    expect(businessTimeBetween(london, '2026-03-23T16:00:00Z', '2026-03-24T10:00:00Z')).toBe(2 * H);
    expect(businessTimeBetween(london, '2026-03-24T10:00:00Z', '2026-03-23T16:00:00Z')).toBe(0);
  });

  test('time zones: the same instant is open in New York and closed in Tokyo', () => {
    const ny: OfficeHours = { timeZone: 'America/New_York', weekly: { mon: '09:00-17:00' } };
    const tokyo: OfficeHours = { timeZone: 'Asia/Tokyo', weekly: { mon: '09:00-17:00' } };
    const t = new Date('2026-03-23T14:00:00Z'); // Mon 10:00 in New York, Mon 23:00 in Tokyo
    expect(isOpen(ny, t)).toBe(true);
    expect(isOpen(tokyo, t)).toBe(false);
  });

  test('24:00 closes at midnight; validation reports bad schedules', () => {
    const late: OfficeHours = { timeZone: 'UTC', weekly: { mon: '18:00-24:00' } };
    expect(isOpen(late, '2026-03-23T23:59:00Z')).toBe(true);
    expect(isOpen(late, '2026-03-24T00:00:00Z')).toBe(false);
    expect(parseShifts('09:00-12:00,13:00–17:00')).toHaveLength(2);
    expect(validateOfficeHours({ timeZone: 'Mars/Olympus', weekly: { mon: '9-5' }, holidays: ['soon'] })).toHaveLength(3);
    expect(validateOfficeHours(london)).toEqual([]);
  });
});
