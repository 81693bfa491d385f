import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { businessTimeBetween, type OfficeHours } from '@firebreak/engine';
import { DataSource } from 'typeorm';
import { officeHoursFromEnv } from './office-hours';
import type { MetricsWindow, SeriesMetric, SeriesQuery } from './query';
import * as sql from './sql';

interface Attributed {
  agent_id: string | null;
  agent_name: string | null;
  team: string | null;
}
interface PairRow extends Attributed {
  thread: string;
  asked_at: Date;
  sent_at: Date;
  first: boolean;
}
interface TaskRow extends Attributed {
  thread: string;
  created_at: Date;
  done_at: Date;
}
interface SlaRow extends Attributed {
  created_at: Date;
  attained: boolean;
}
interface NegativeStartRow {
  started_at: Date;
  converted: boolean;
}
interface AssignmentRow extends Attributed {
  thread: string;
}

/** An average of durations, 24/7 and counting office hours only; null when there is nothing to average. */
export interface Timing {
  count: number;
  avgMs: number | null;
  businessAvgMs: number | null;
}

const average = (xs: number[]): number | null => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
const ratio = (part: number, whole: number): number | null => (whole ? part / whole : null);

/**
 * Read-only metrics over the tables the api and worker write. Row selection and pairing are
 * SQL (see sql.ts, where each definition is stated); business-hours durations are computed
 * here because office hours (zones, DST, holidays) live in the engine's calendar code.
 */
@Injectable()
export class MetricsService {
  private readonly hours: OfficeHours = officeHoursFromEnv();

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private rows<T>(query: string, w: MetricsWindow, extra: unknown[] = []): Promise<T[]> {
    return this.db.query(query, [w.from, w.to, ...extra]);
  }

  private timing(pairs: Array<{ start: Date; end: Date }>): Timing {
    return {
      count: pairs.length,
      avgMs: average(pairs.map((p) => p.end.getTime() - p.start.getTime())),
      businessAvgMs: average(pairs.map((p) => businessTimeBetween(this.hours, p.start, p.end))),
    };
  }

  private responseTimes(pairs: PairRow[]) {
    const all = pairs.map((p) => ({ start: p.asked_at, end: p.sent_at }));
    const firsts = pairs.filter((p) => p.first).map((p) => ({ start: p.asked_at, end: p.sent_at }));
    return { frt: this.timing(firsts), art: this.timing(all) };
  }

  /** AHT over tasks; THT = handle time summed per case, averaged over cases with a handled task. */
  private handleTimes(tasks: TaskRow[]) {
    const perThread = new Map<string, number>();
    const durations = tasks.map((t) => t.done_at.getTime() - t.created_at.getTime());
    tasks.forEach((t, i) => perThread.set(t.thread, (perThread.get(t.thread) ?? 0) + durations[i]));
    const totals = [...perThread.values()];
    return {
      aht: { count: durations.length, avgMs: average(durations) },
      tht: { cases: totals.length, avgMs: average(totals), totalMs: totals.reduce((a, b) => a + b, 0) },
    };
  }

  private sla(items: SlaRow[]) {
    const attained = items.filter((i) => i.attained).length;
    return { due: items.length, attained, rate: ratio(attained, items.length) };
  }

  private sentimentConversion(starts: NegativeStartRow[]) {
    const converted = starts.filter((s) => s.converted).length;
    return { negativeStarts: starts.length, converted, rate: ratio(converted, starts.length) };
  }

  async summary(w: MetricsWindow) {
    const [[inbound], [groups], [responses], [cases], pairs, tasks, sla, negativeStarts] = await Promise.all([
      this.rows<{ n: number }>(sql.INBOUND_COUNT, w),
      this.rows<{ by_channel: Record<string, number>; by_tier: Record<string, number>; by_category: Record<string, number> }>(
        sql.INBOUND_VOLUME,
        w,
      ),
      this.rows<{ n: number }>(sql.RESPONSE_COUNT, w),
      this.rows<{ opened: number; closed: number }>(sql.CASE_COUNTS, w),
      this.rows<PairRow>(sql.RESPONSE_PAIRS, w),
      this.rows<TaskRow>(sql.HANDLED_TASKS, w),
      this.rows<SlaRow>(sql.SLA_ITEMS, w),
      this.rows<NegativeStartRow>(sql.NEGATIVE_STARTS, w),
    ]);
    return {
      from: w.from.toISOString(),
      to: w.to.toISOString(),
      officeHours: this.hours,
      volume: {
        inbound: inbound.n,
        responses: responses.n,
        byChannel: groups.by_channel,
        byTier: groups.by_tier,
        byCategory: groups.by_category,
      },
      cases: { opened: cases.opened, closed: cases.closed },
      ...this.responseTimes(pairs),
      ...this.handleTimes(tasks),
      sla: this.sla(sla),
      sentimentConversion: this.sentimentConversion(negativeStarts),
    };
  }

  /**
   * Assignments (routing volume), FRT, ART, AHT, THT and SLA per agent or per team; work
   * is credited as sql.ts's `credit` says (the doer, else the thread's newest assignee).
   */
  async breakdown(w: MetricsWindow, by: 'agent' | 'team') {
    const [assignments, pairs, tasks, sla] = await Promise.all([
      this.rows<AssignmentRow>(sql.ASSIGNMENTS, w),
      this.rows<PairRow>(sql.RESPONSE_PAIRS, w),
      this.rows<TaskRow>(sql.HANDLED_TASKS, w),
      this.rows<SlaRow>(sql.SLA_ITEMS, w),
    ]);
    const keyOf = (r: Attributed) => (by === 'agent' ? r.agent_id : r.team);
    const keys = new Map<string, Attributed>();
    for (const r of [...assignments, ...pairs, ...tasks, ...sla]) {
      const k = keyOf(r);
      if (k !== null && !keys.has(k)) keys.set(k, r);
    }
    const rows = [...keys.entries()].map(([k, r]) => {
      const mine = <T extends Attributed>(xs: T[]) => xs.filter((x) => keyOf(x) === k);
      const ident = by === 'agent' ? { agentId: k, name: r.agent_name } : { team: k };
      const assigned = mine(assignments);
      return {
        ...ident,
        assignments: { count: assigned.length, cases: new Set(assigned.map((a) => a.thread)).size },
        ...this.responseTimes(mine(pairs)),
        ...this.handleTimes(mine(tasks)),
        sla: this.sla(mine(sla)),
      };
    });
    return { from: w.from.toISOString(), to: w.to.toISOString(), [by === 'agent' ? 'agents' : 'teams']: rows };
  }

  private async bucketStarts(q: SeriesQuery, timeZone: string): Promise<Array<{ bucket: Date }>> {
    try {
      return await this.rows(sql.SERIES_BUCKETS[q.interval], q, [timeZone]);
    } catch (e) {
      // A zone name Node knows but this PostgreSQL's tz database does not.
      if ((e as { code?: string }).code !== '22023') throw e;
      throw new BadRequestException({
        message: 'the query parameters are invalid',
        problems: [{ path: 'tz', message: `the database does not know the time zone "${timeZone}"` }],
      });
    }
  }

  /**
   * A figure per hour or day of the window, in the zone asked for (else the office hours'):
   * each point has the summary's shape for that figure, over the rows whose moment (the
   * message a reply answers, a task's or an item's creation, a thread's first message) falls
   * in its bucket. Buckets with nothing in them are there, with zero counts and null averages.
   */
  async series(q: SeriesQuery) {
    const timeZone = q.timeZone ?? this.hours.timeZone;
    const starts = (await this.bucketStarts(q, timeZone)).map((r) => r.bucket.getTime());
    // The bucket an instant falls in: the last start at or before it.
    const indexOf = (d: Date) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= d.getTime()) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    };
    // Rows of one kind, grouped by the bucket their moment falls in, then summed up as the summary would.
    const byBucket =
      <T>(query: string, at: (r: T) => Date) =>
      async (figure: (rows: T[]) => object) => {
        const groups = starts.map((): T[] => []);
        for (const r of await this.rows<T>(query, q)) groups[indexOf(at(r))].push(r);
        return groups.map((rows, i) => ({ bucket: new Date(starts[i]).toISOString(), ...figure(rows) }));
      };
    const pairs = byBucket<PairRow>(sql.RESPONSE_PAIRS, (p) => p.asked_at);
    const tasks = byBucket<TaskRow>(sql.HANDLED_TASKS, (t) => t.created_at);
    const figures: Record<SeriesMetric, () => Promise<object[]>> = {
      volume: async () => {
        const counts = starts.map(() => ({ inbound: 0, responses: 0 }));
        const rows = await this.rows<{ bucket: Date; inbound: number; responses: number }>(sql.VOLUME_SERIES, q, [q.interval, timeZone]);
        for (const r of rows) {
          const c = counts[indexOf(r.bucket)];
          c.inbound += r.inbound;
          c.responses += r.responses;
        }
        return counts.map((c, i) => ({ bucket: new Date(starts[i]).toISOString(), ...c }));
      },
      frt: () => pairs((ps) => this.responseTimes(ps).frt),
      art: () => pairs((ps) => this.responseTimes(ps).art),
      aht: () => tasks((ts) => this.handleTimes(ts).aht),
      tht: () => tasks((ts) => this.handleTimes(ts).tht),
      sla: () => byBucket<SlaRow>(sql.SLA_ITEMS, (i) => i.created_at)((items) => this.sla(items)),
      sentimentConversion: () =>
        byBucket<NegativeStartRow>(sql.NEGATIVE_STARTS, (n) => n.started_at)((negatives) => this.sentimentConversion(negatives)),
    };
    return {
      metric: q.metric,
      interval: q.interval,
      timeZone,
      from: q.from.toISOString(),
      to: q.to.toISOString(),
      points: await figures[q.metric](),
    };
  }
}
