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

export type SeriesMetric = 'frt' | 'art' | 'volume';
export type Interval = 'hour' | 'day';

export interface VolumePoint {
  bucket: string;
  inbound: number;
}
export interface TimingPoint extends Timing {
  bucket: string;
}

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

export const metricsApi = {
  summary: (w: MetricsWindow, signal?: AbortSignal) =>
    api.request<MetricsSummary>('GET', `/metrics/summary?${qs({ ...w })}`, undefined, signal),
  volume: (w: MetricsWindow, interval: Interval, signal?: AbortSignal) =>
    api.request<{ points: VolumePoint[] }>('GET', `/metrics/series?${qs({ metric: 'volume', interval, ...w })}`, undefined, signal),
  timing: (metric: 'frt' | 'art', w: MetricsWindow, interval: Interval, signal?: AbortSignal) =>
    api.request<{ points: TimingPoint[] }>('GET', `/metrics/series?${qs({ metric, interval, ...w })}`, undefined, signal),
  teams: (w: MetricsWindow, signal?: AbortSignal) =>
    api.request<{ teams: TeamRow[] }>('GET', `/metrics/teams?${qs({ ...w })}`, undefined, signal),
};
