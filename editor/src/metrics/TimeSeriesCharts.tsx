import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  type LegendPayload,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartCard } from './ChartCard';
import { bucketLabel, toMinutes } from './format';
import type { Interval, SeriesPoints, TimingPoint, VolumePoint } from './metricsApi';

const axis = { fontSize: 12, fill: '#566373' };
const margin = { top: 8, right: 12, bottom: 0, left: -12 };

/** The legend in the order the series are drawn and described (recharts sorts it by name otherwise). */
const legendInOrder = (keys: string[]) => (item: LegendPayload) => keys.indexOf(String(item.dataKey));

/** A line of a series chart; buckets without data are gaps that the line bridges, not zeros. */
const line = (dataKey: string, name: string, stroke: string) => (
  <Line
    key={dataKey}
    type="monotone"
    dataKey={dataKey}
    name={name}
    stroke={stroke}
    strokeWidth={2}
    dot={{ r: 3 }}
    connectNulls
    isAnimationActive={false}
  />
);

export function VolumeChart({ points, interval }: { points: VolumePoint[]; interval: Interval }) {
  const data = points.map((p) => ({ label: bucketLabel(p.bucket, interval), inbound: p.inbound, responses: p.responses }));
  const total = points.reduce((n, p) => n + p.inbound, 0);
  const replies = points.reduce((n, p) => n + p.responses, 0);
  const peak = points.reduce((best, p) => (p.inbound > best.inbound ? p : best), points[0] ?? { bucket: '', inbound: 0 });
  return (
    <ChartCard
      id="volume"
      title={`Inbound and response volume per ${interval}`}
      summary={
        total || replies
          ? `${total} messages, ${replies} replies; busiest ${interval}: ${bucketLabel(peak.bucket, interval)} (${peak.inbound})`
          : 'No messages'
      }
      empty={total === 0 && replies === 0}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={margin}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} minTickGap={24} />
          <YAxis allowDecimals={false} tick={axis} />
          <Tooltip />
          <Legend itemSorter={legendInOrder(['inbound', 'responses'])} />
          <Bar dataKey="inbound" name="Inbound messages" fill="#4a6fa5" isAnimationActive={false} />
          <Bar dataKey="responses" name="Replies sent" fill="#8fb8de" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** FRT, ART and AHT per bucket, in minutes (seconds when all of them were that fast). */
export function ResponseTimeChart({
  frt,
  art,
  aht,
  interval,
}: {
  frt: TimingPoint[];
  art: TimingPoint[];
  aht: SeriesPoints['aht'][];
  interval: Interval;
}) {
  const artBy = new Map(art.map((p) => [p.bucket, p]));
  const ahtBy = new Map(aht.map((p) => [p.bucket, p]));
  const longest = Math.max(0, ...[...frt, ...art, ...aht].map((p) => p.avgMs ?? 0));
  const unit = longest < 120_000 ? 'seconds' : 'minutes';
  const scale = (ms: number | null) => (unit === 'minutes' ? toMinutes(ms) : ms === null ? null : Math.round(ms / 100) / 10);
  const data = frt.map((p) => ({
    label: bucketLabel(p.bucket, interval),
    frt: scale(p.avgMs),
    art: scale(artBy.get(p.bucket)?.avgMs ?? null),
    aht: scale(ahtBy.get(p.bucket)?.avgMs ?? null),
  }));
  const measured = [...frt, ...art, ...aht].some((p) => p.count > 0);
  return (
    <ChartCard
      id="response-times"
      title={`Response and handle times (${unit})`}
      summary="First response time (FRT), average response time (ART) and average handle time of agent tasks (AHT), 24/7, per bucket"
      empty={!measured}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={margin}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} minTickGap={24} />
          <YAxis tick={axis} />
          <Tooltip />
          <Legend itemSorter={legendInOrder(['frt', 'art', 'aht'])} />
          {line('frt', 'FRT', '#e76f51')}
          {line('art', 'ART', '#2a9d8f')}
          {line('aht', 'AHT', '#6d597a')}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** SLA attainment and sentiment conversion per bucket, in percent; a bucket with nothing due or no unhappy start is a gap. */
export function QualityChart({
  sla,
  conversion,
  interval,
}: {
  sla: SeriesPoints['sla'][];
  conversion: SeriesPoints['sentimentConversion'][];
  interval: Interval;
}) {
  const conversionBy = new Map(conversion.map((p) => [p.bucket, p]));
  const data = sla.map((p) => ({
    label: bucketLabel(p.bucket, interval),
    sla: percent(p.rate),
    conversion: percent(conversionBy.get(p.bucket)?.rate ?? null),
  }));
  const due = sla.reduce((n, p) => n + p.due, 0);
  const starts = conversion.reduce((n, p) => n + p.negativeStarts, 0);
  return (
    <ChartCard
      id="quality"
      title="SLA attainment and sentiment conversion (%)"
      summary={`Items done within their SLA (${due} due) and unhappy conversations that turned positive (${starts} started negative), per ${interval}`}
      empty={due === 0 && starts === 0}
    >
      <ResponsiveContainer width="100%" height={240}>
        <LineChart data={data} margin={margin}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={axis} minTickGap={24} />
          <YAxis domain={[0, 100]} tick={axis} />
          <Tooltip />
          <Legend itemSorter={legendInOrder(['sla', 'conversion'])} />
          {line('sla', 'SLA attainment', '#264653')}
          {line('conversion', 'Sentiment conversion', '#e9c46a')}
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
