import { api } from '../api/client';

/** An average duration, 24/7 and in office hours only; null when nothing was measured. */
export interface Timing {
  count: number;
  avgMs: number | null;
  businessAvgMs: number | null;
}

/** `GET /api/metrics/summary`: every figure of the window (see api/src/metrics/service.ts). */
export interface MetricsSummary {
  from: string;
  to: string;
  volume: {
    inbound: number;
    responses: number;
    byChannel: Record<string, number>;
    byTier: Record<string, number>;
    byCategory: Record<string, number>;
  };
  cases: { opened: number; closed: number };
  frt: Timing;
  art: Timing;
  aht: { count: number; avgMs: number | null };
  tht: { cases: number; avgMs: number | null; totalMs: number };
  sla: { due: number; attained: number; rate: number | null };
  sentimentConversion: { negativeStarts: number; converted: number; rate: number | null };
}

export type Interval = 'hour' | 'day';

/** `GET /api/metrics/series`: each metric's points have the summary's shape for that figure. */
export interface SeriesPoints {
  volume: { bucket: string; inbound: number; responses: number };
  frt: Timing & { bucket: string };
  art: Timing & { bucket: string };
  aht: MetricsSummary['aht'] & { bucket: string };
  sla: MetricsSummary['sla'] & { bucket: string };
  sentimentConversion: MetricsSummary['sentimentConversion'] & { bucket: string };
}
export type SeriesMetric = keyof SeriesPoints;
export type VolumePoint = SeriesPoints['volume'];
export type TimingPoint = SeriesPoints['frt'];

export interface TeamRow {
  team: string;
  assignments: { count: number; cases: number };
  frt: Timing;
  art: Timing;
  aht: { count: number; avgMs: number | null };
  sla: { due: number; attained: number; rate: number | null };
}

export interface MetricsWindow {
  from: string;
  to: string;
}

const qs = (params: Record<string, string>) => new URLSearchParams(params).toString();
/** The viewer's zone: a "day" bucket is their day, as the axis labels are in their local time. */
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export const metricsApi = {
  summary: (w: MetricsWindow, signal?: AbortSignal) =>
    api.request<MetricsSummary>('GET', `/metrics/summary?${qs({ ...w })}`, undefined, signal),
  series: <M extends SeriesMetric>(metric: M, w: MetricsWindow, interval: Interval, signal?: AbortSignal) =>
    api
      .request<{ points: SeriesPoints[M][] }>('GET', `/metrics/series?${qs({ metric, interval, tz: timeZone(), ...w })}`, undefined, signal)
      .then((r) => r.points),
  teams: (w: MetricsWindow, signal?: AbortSignal) =>
    api.request<{ teams: TeamRow[] }>('GET', `/metrics/teams?${qs({ ...w })}`, undefined, signal),
};
