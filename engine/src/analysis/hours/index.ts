/**
 * Office hours: a weekly schedule in one IANA time zone, with holidays. Answers "open at t?",
 * "when do we next open?" and "how much business time between a and b?" (SLA clocks and
 * business-hours FRT). All wall-clock arithmetic goes through luxon, so DST changes are
 * handled by the tz database rather than by us.
 *
 * Conventions (why): a shift belongs to the day it starts, so an overnight shift
 * "fri 22:00–06:00" runs into Saturday, and a holiday cancels the shifts that start on it
 * (a shift that began the evening before still finishes). Wall times that do not exist
 * (spring-forward gap) move forward, as luxon does; ambiguous ones take the first offset.
 */
import { DateTime } from 'luxon';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface Shift {
  /** "HH:mm" local time. */
  open: string;
  /** "HH:mm" local time; "24:00" = midnight at the end of the day; earlier than `open` = overnight. */
  close: string;
}

export interface OfficeHours {
  /** IANA zone, e.g. "Europe/London". */
  timeZone: string;
  /** Shifts per weekday, as objects or as text "09:00-12:00, 13:00-17:00" (the playbook form). */
  weekly: Partial<Record<Weekday, Shift[] | string>>;
  /** Local dates ("YYYY-MM-DD") when no shift starts. */
  holidays?: string[];
}

/** Instants are Date, epoch milliseconds or ISO strings. */
export type Instant = Date | number | string;

const MAX_DAYS = 400; // how far nextOpening looks before concluding "never"

function toMs(t: Instant): number {
  if (typeof t === 'number') return t;
  if (t instanceof Date) return t.getTime();
  const ms = DateTime.fromISO(t, { setZone: true }).toMillis();
  if (Number.isNaN(ms)) throw new Error(`Not an ISO instant: ${t}`);
  return ms;
}

function hm(s: string): { hour: number; minute: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (Number(m[1]) === 24 && m[2] !== '00'))
    throw new Error(`Not a time of day (HH:mm): ${s}`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/** "09:00-12:00, 22:00-06:00" → shifts. Throws on malformed text. */
export function parseShifts(spec: string): Shift[] {
  if (spec.trim() === '') return [];
  return spec.split(',').map((part) => {
    const m = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!m) throw new Error(`Not a time range (HH:mm-HH:mm): ${part.trim()}`);
    hm(m[1]);
    hm(m[2]);
    return { open: m[1], close: m[2] };
  });
}

function shiftsOf(spec: Shift[] | string | undefined): Shift[] {
  return typeof spec === 'string' ? parseShifts(spec) : (spec ?? []);
}

/** Checks a schedule; returns problems (empty when valid), for playbook validation. */
export function validateOfficeHours(h: OfficeHours): string[] {
  const problems: string[] = [];
  if (!DateTime.local().setZone(h.timeZone).isValid) problems.push(`Unknown time zone: ${h.timeZone}`);
  for (const [day, spec] of Object.entries(h.weekly)) {
    if (!WEEKDAYS.includes(day as Weekday)) problems.push(`Unknown weekday: ${day}`);
    let shifts: Shift[] = [];
    try {
      shifts = shiftsOf(spec);
    } catch (e) {
      problems.push(`${day}: ${(e as Error).message}`);
    }
    for (const s of shifts)
      for (const t of [s.open, s.close])
        try {
          hm(t);
        } catch (e) {
          problems.push(`${day}: ${(e as Error).message}`);
        }
  }
  for (const d of h.holidays ?? []) if (!DateTime.fromISO(d).isValid) problems.push(`Not a date: ${d}`);
  return problems;
}

/** The open intervals [start, end) in epoch ms of shifts starting on one local date. */
function shiftsOn(h: OfficeHours, date: DateTime): Array<[number, number]> {
  if (h.holidays?.includes(date.toISODate()!)) return [];
  const day = WEEKDAYS[date.weekday - 1];
  const out: Array<[number, number]> = [];
  for (const s of shiftsOf(h.weekly[day])) {
    const o = hm(s.open);
    const c = hm(s.close);
    const start = date.set({ hour: o.hour, minute: o.minute, second: 0, millisecond: 0 });
    const closeDay = c.hour * 60 + c.minute <= o.hour * 60 + o.minute || c.hour === 24 ? date.plus({ days: 1 }) : date;
    const end = closeDay.set({ hour: c.hour === 24 ? 0 : c.hour, minute: c.minute, second: 0, millisecond: 0 });
    if (end.toMillis() > start.toMillis()) out.push([start.toMillis(), end.toMillis()]);
  }
  return out;
}

/** Local start of the day containing `ms`, in the schedule's zone. */
function localDay(h: OfficeHours, ms: number): DateTime {
  const d = DateTime.fromMillis(ms, { zone: h.timeZone });
  if (!d.isValid) throw new Error(`Unknown time zone: ${h.timeZone}`);
  return d.startOf('day');
}

export function isOpen(h: OfficeHours, t: Instant): boolean {
  const ms = toMs(t);
  const day = localDay(h, ms);
  // Today's shifts, and yesterday's in case one runs overnight into today.
  for (const d of [day.minus({ days: 1 }), day]) for (const [a, b] of shiftsOn(h, d)) if (ms >= a && ms < b) return true;
  return false;
}

/** The first instant at or after t when the desk is open (t itself if open now); null if never. */
export function nextOpening(h: OfficeHours, t: Instant): Date | null {
  const ms = toMs(t);
  if (isOpen(h, ms)) return new Date(ms);
  let day = localDay(h, ms);
  for (let i = 0; i < MAX_DAYS; i++, day = day.plus({ days: 1 })) {
    const starts = shiftsOn(h, day)
      .map(([a]) => a)
      .filter((a) => a >= ms)
      .sort((a, b) => a - b);
    if (starts.length > 0) return new Date(starts[0]);
  }
  return null;
}

/** Milliseconds of open time between a and b (0 if b ≤ a). Overlapping shifts count once. */
export function businessTimeBetween(h: OfficeHours, a: Instant, b: Instant): number {
  const from = toMs(a);
  const to = toMs(b);
  if (to <= from) return 0;
  const intervals: Array<[number, number]> = [];
  const last = localDay(h, to);
  for (let day = localDay(h, from).minus({ days: 1 }); day <= last; day = day.plus({ days: 1 })) {
    for (const [s, e] of shiftsOn(h, day)) {
      const x = Math.max(s, from);
      const y = Math.min(e, to);
      if (y > x) intervals.push([x, y]);
    }
  }
  // Merge, so two shifts that touch or overlap are not counted twice.
  intervals.sort((p, q) => p[0] - q[0]);
  let total = 0;
  let cur: [number, number] | null = null;
  for (const iv of intervals) {
    if (cur && iv[0] <= cur[1]) cur[1] = Math.max(cur[1], iv[1]);
    else {
      if (cur) total += cur[1] - cur[0];
      cur = [iv[0], iv[1]];
    }
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}
