import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartCard } from './ChartCard';

const axis = { fontSize: 12, fill: '#566373' };

/** Counts by a category (tier, channel) as horizontal bars, largest first. */
export function BreakdownChart({
  id,
  title,
  counts,
  color,
  labels = {},
}: {
  id: string;
  title: string;
  counts: Record<string, number>;
  color: string;
  labels?: Record<string, string>;
}) {
  const data = Object.entries(counts)
    .map(([key, n]) => ({ key: labels[key] ?? key, n }))
    .sort((a, b) => b.n - a.n);
  const total = data.reduce((sum, d) => sum + d.n, 0);
  const summary = total ? data.map((d) => `${d.key} ${Math.round((d.n / total) * 100)}%`).join(' · ') : 'Nothing counted';
  return (
    <ChartCard id={id} title={title} summary={summary} empty={total === 0}>
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 34 + 40)}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={axis} />
          <YAxis type="category" dataKey="key" tick={axis} width={96} />
          <Tooltip />
          <Bar dataKey="n" name="Messages" fill={color} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
