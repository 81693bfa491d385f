import { begin, drive, single, T0, timeout, trail } from '../__fixtures__/graphs';
import { OfficeHoursConfig } from '../playbook/catalog';
import { isOpenAt, nextOpeningAfter, officeHoursProblems } from './hours';

/** Paris, weekdays 09:00–17:00, closed on Christmas (a Friday in 2026). In November Paris is UTC+1. */
const paris: OfficeHoursConfig = {
  timeZone: 'Europe/Paris',
  weekly: { mon: '09:00-17:00', tue: '09:00-17:00', wed: '09:00-17:00', thu: '09:00-17:00', fri: '09:00-17:00' },
  holidays: ['2026-12-25'],
};

describe('office hours adapter (catalog config → analysis/hours)', () => {
  test.each([
    ['2026-11-25T10:00:00.000Z', true], // Wed 11:00 Paris
    ['2026-11-25T07:59:59.000Z', false], // Wed 08:59:59 Paris
    ['2026-11-25T08:00:00.000Z', true], // opening instant
    ['2026-11-25T16:00:00.000Z', false], // 17:00 Paris: closing instant is closed
    ['2026-11-28T10:00:00.000Z', false], // Saturday
    ['2026-12-25T10:00:00.000Z', false], // holiday
    ['2026-11-25T11:00:00+01:00', true], // offsets are understood
  ])('isOpenAt(%s) = %s', (at, open) => {
    expect(isOpenAt(paris, at)).toBe(open);
  });

  test.each([
    ['2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000Z'], // open now: now
    ['2026-11-25T16:30:00.000Z', '2026-11-26T08:00:00.000Z'], // after closing: tomorrow 09:00 Paris
    ['2026-11-27T20:00:00.000Z', '2026-11-30T08:00:00.000Z'], // Friday night: Monday
    ['2026-12-24T17:00:00.000Z', '2026-12-28T08:00:00.000Z'], // Christmas Eve evening: skips the holiday and the weekend
  ])('nextOpeningAfter(%s) = %s (ISO, UTC)', (at, next) => {
    expect(nextOpeningAfter(paris, at)).toBe(next);
  });

  test('a schedule that never opens has no next opening', () => {
    expect(nextOpeningAfter({ timeZone: 'UTC', weekly: {}, holidays: [] }, T0)).toBeNull();
  });

  test('overnight shifts belong to the day they start', () => {
    const night: OfficeHoursConfig = { timeZone: 'UTC', weekly: { fri: '22:00-06:00' }, holidays: [] };
    expect(isOpenAt(night, '2026-11-28T05:00:00.000Z')).toBe(true); // Saturday 05:00
    expect(isOpenAt(night, '2026-11-28T06:00:00.000Z')).toBe(false);
  });

  test('problems come with the field they are in', () => {
    expect(
      officeHoursProblems({ timeZone: 'Nowhere/Land', weekly: { mon: 'nine to five' }, holidays: ['2026-13-01'] }).map((p) => p.path),
    ).toEqual(['timeZone', 'weekly.mon', 'holidays.0']);
    expect(officeHoursProblems(paris)).toEqual([]);
  });
});

describe('hours node', () => {
  const open = '2026-11-25T10:00:00.000Z';
  const closed = '2026-11-25T16:30:00.000Z';

  test('open → open, with the instant in the detail', () => {
    const { state } = begin(single('hours', { schedule: paris }), { at: open });
    expect(trail(state)).toEqual(['start:next', 'n:open']);
    expect(state.path[1].detail).toEqual({ at: open });
  });

  test('closed, whenClosed branch → closed', () => {
    const { state } = begin(single('hours', { schedule: paris, whenClosed: 'branch' }), { at: closed });
    expect(trail(state)).toEqual(['start:next', 'n:closed']);
  });

  test('closed, whenClosed wait → waits for the next opening on a timer, then open', () => {
    const pb = single('hours', { schedule: paris, whenClosed: 'wait' });
    const first = begin(pb, { at: closed });
    expect(first.commands).toEqual([{ type: 'await', nodeId: 'n', waitFor: 'timer', until: '2026-11-26T08:00:00.000Z' }]);
    expect(first.state.status).toBe('waiting');
    const [, last] = drive(pb, first, timeout('n', '2026-11-26T08:00:00.000Z'));
    expect(trail(last.state)).toEqual(['start:next', 'n:open']);
    expect(last.state.path[1]).toMatchObject({ startedAt: closed, finishedAt: '2026-11-26T08:00:00.000Z' });
    expect(last.state.status).toBe('completed');
  });

  test('whenClosed wait on a schedule that never opens fails the run instead of waiting forever', () => {
    const { state, commands } = begin(single('hours', { schedule: { timeZone: 'UTC' }, whenClosed: 'wait' }));
    expect(state.status).toBe('failed');
    expect(commands).toEqual([{ type: 'finish', status: 'failed', reason: 'hours n: the office never opens on this schedule' }]);
  });
});
