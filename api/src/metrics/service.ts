import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { businessTimeBetween, type OfficeHours } from '@firebreak/engine';
import { DataSource } from 'typeorm';
import { officeHoursFromEnv } from './office-hours';
import type { MetricsWindow, SeriesQuery } from './query';
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
  attained: boolean;
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

  async summary(w: MetricsWindow) {
    const [[inbound], [groups], [responses], [cases], pairs, tasks, sla, [conversion]] = await Promise.all([
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
      this.rows<{ negative_starts: number; converted: number }>(sql.SENTIMENT_CONVERSION, w),
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
      sentimentConversion: {
        negativeStarts: conversion.negative_starts,
        converted: conversion.converted,
        rate: ratio(conversion.converted, conversion.negative_starts),
      },
    };
  }

  /**
   * Assignments (routing volume), FRT, ART, AHT, THT and SLA per agent or per team; the
   * timings are attributed by the threads' newest assignment.
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

  /** A metric per UTC hour or day; buckets with no data are present with zero / null. */
  async series(q: SeriesQuery) {
    const bucketOf = (d: Date) => {
      const t = new Date(d);
      if (q.interval === 'day') t.setUTCHours(0, 0, 0, 0);
      else t.setUTCMinutes(0, 0, 0);
      return t.toISOString();
    };
    const step = q.interval === 'day' ? 86_400_000 : 3_600_000;
    const buckets: string[] = [];
    for (let t = new Date(bucketOf(q.from)).getTime(); t < q.to.getTime(); t += step) buckets.push(new Date(t).toISOString());
    const base = { metric: q.metric, interval: q.interval, from: q.from.toISOString(), to: q.to.toISOString() };
    if (q.metric === 'volume') {
      const counts = new Map(
        (await this.rows<{ bucket: Date; n: number }>(sql.VOLUME_SERIES, q, [q.interval])).map((r) => [bucketOf(r.bucket), r.n]),
      );
      return { ...base, points: buckets.map((bucket) => ({ bucket, inbound: counts.get(bucket) ?? 0 })) };
    }
    const pairs = (await this.rows<PairRow>(sql.RESPONSE_PAIRS, q)).filter((p) => q.metric === 'art' || p.first);
    return {
      ...base,
      points: buckets.map((bucket) =>
        Object.assign(
          { bucket },
          this.timing(pairs.filter((p) => bucketOf(p.asked_at) === bucket).map((p) => ({ start: p.asked_at, end: p.sent_at }))),
        ),
      ),
    };
  }
}
