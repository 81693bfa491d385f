import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from './ChartCard';
import { bucketLabel, toMinutes } from './format';
import type { Interval, TimingPoint, VolumePoint } from './metricsApi';

const axis = { fontSize: 12, fill: '#566373' };

export function VolumeChart({ points, interval }: { points: VolumePoint[]; interval: Interval }) {
  const data = points.map((p) => ({ label: bucketLabel(p.bucket, interval), inbound: p.inbound }));
  const total = points.reduce((n, p) => n + p.inbound, 0);
  const peak = points.reduce((best, p) => (p.inbound > best.inbound ? p : best), points[0] ?? { bucket: '', inbound: 0 });
  return (
    <ChartCard
      id="volume"
      title={`Inbound volume per ${interval}`}
      summary={total ? `${total} messages; busiest ${interval}: ${bucketLabel(peak.bucket, interval)} (${peak.inbound})` : 'No messages'}
      empty={total === 0}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} minTickGap={24} />
          <YAxis allowDecimals={false} tick={axis} />
          <Tooltip />
          <Bar dataKey="inbound" name="Inbound messages" fill="#4a6fa5" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** FRT and ART per bucket, in minutes (seconds when every reply was that fast); buckets without replies are gaps, not zeros. */
export function ResponseTimeChart({ frt, art, interval }: { frt: TimingPoint[]; art: TimingPoint[]; interval: Interval }) {
  const artBy = new Map(art.map((p) => [p.bucket, p]));
  const longest = Math.max(0, ...[...frt, ...art].map((p) => p.avgMs ?? 0));
  const unit = longest < 120_000 ? 'seconds' : 'minutes';
  const scale = (ms: number | null) => (unit === 'minutes' ? toMinutes(ms) : ms === null ? null : Math.round(ms / 100) / 10);
  const data = frt.map((p) => ({
    label: bucketLabel(p.bucket, interval),
    frt: scale(p.avgMs),
    art: scale(artBy.get(p.bucket)?.avgMs ?? null),
  }));
  const measured = frt.some((p) => p.count > 0) || art.some((p) => p.count > 0);
  return (
    <ChartCard
      id="response-times"
      title={`Response times (${unit})`}
      summary="First response time (FRT) and average response time (ART), 24/7, per bucket"
      empty={!measured}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={{ top: 8, right: 12, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} minTickGap={24} />
          <YAxis tick={axis} />
          <Tooltip />
          <Legend />
          <Line
            type="monotone"
            dataKey="frt"
            name="FRT"
            stroke="#e76f51"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="art"
            name="ART"
            stroke="#2a9d8f"
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
