import './metrics.css';
import { useMemo, useState } from 'react';
import { useReloadOn } from '../live/events';
import { ErrorState, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { BreakdownChart } from './BreakdownChart';
import { KpiTiles } from './KpiTiles';
import { metricsApi, type Interval } from './metricsApi';
import { TeamTable } from './TeamTable';
import { QualityChart, ResponseTimeChart, VolumeChart } from './TimeSeriesCharts';

const HOUR = 3_600_000;
const ranges = [
  { id: '24h', label: 'Last 24 hours', ms: 24 * HOUR, interval: 'hour' },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * HOUR, interval: 'day' },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * HOUR, interval: 'day' },
] as const;
type RangeId = (typeof ranges)[number]['id'];

const tierLabels: Record<string, string> = { first: 'First tier', second: 'Second tier', noise: 'Noise', unknown: 'Not analysed' };

/** `/metrics`: the seeds' measures of social customer service over a window, as figures and charts. */
export function MetricsPage() {
  const [rangeId, setRangeId] = useState<RangeId>('24h');
  const [interval, setPer] = useState<Interval>('hour');
  const [asOf, setAsOf] = useState(() => Date.now());
  const range = ranges.find((r) => r.id === rangeId)!;
  // The window ends at the next whole hour, so "now" is inside it and buckets line up.
  const span = useMemo(() => {
    const to = Math.ceil((asOf + 1) / HOUR) * HOUR;
    return { from: new Date(to - range.ms).toISOString(), to: new Date(to).toISOString() };
  }, [asOf, range.ms]);

  const [state, reload] = useAsync(
    (signal) =>
      Promise.all([
        metricsApi.summary(span, signal),
        metricsApi.series('volume', span, interval, signal),
        metricsApi.series('frt', span, interval, signal),
        metricsApi.series('art', span, interval, signal),
        metricsApi.series('aht', span, interval, signal),
        metricsApi.series('sla', span, interval, signal),
        metricsApi.series('sentimentConversion', span, interval, signal),
        metricsApi.teams(span, signal),
      ]),
    [span, interval],
  );
  // New interactions and finished runs change the figures; a burst costs one reload.
  useReloadOn(['interaction.finished', 'task.completed', 'approval.decided'], () => setAsOf(Date.now()), 5000);

  function chooseRange(id: RangeId) {
    setRangeId(id);
    setPer(ranges.find((r) => r.id === id)!.interval);
  }

  return (
    <main className="page page-metrics" aria-labelledby="metrics-title">
      <header className="page-header metrics-header">
        <div>
          <h1 id="metrics-title">Metrics</h1>
          <p className="muted">How fast and how well the care team answers, measured as the seeds define it.</p>
        </div>
        <div className="metrics-controls">
          <label>
            Window{' '}
            <select value={rangeId} onChange={(e) => chooseRange(e.target.value as RangeId)} data-testid="metrics-range">
              {ranges.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Per{' '}
            <select value={interval} onChange={(e) => setPer(e.target.value as Interval)} data-testid="metrics-interval">
              <option value="hour">hour</option>
              <option value="day">day</option>
            </select>
          </label>
          <button type="button" className="button" onClick={() => setAsOf(Date.now())}>
            Refresh
          </button>
        </div>
      </header>
      {state.status === 'loading' && <Loading what="metrics" />}
      {state.status === 'error' && <ErrorState title="The metrics could not be loaded" error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <div className="metrics-grid" data-testid="metrics">
          <KpiTiles summary={state.data[0]} />
          <VolumeChart points={state.data[1]} interval={interval} />
          <ResponseTimeChart frt={state.data[2]} art={state.data[3]} aht={state.data[4]} interval={interval} />
          <QualityChart sla={state.data[5]} conversion={state.data[6]} interval={interval} />
          <div className="metrics-pair">
            <BreakdownChart
              id="tier"
              title="Volume by priority tier"
              counts={state.data[0].volume.byTier}
              color="#d4a72c"
              labels={tierLabels}
            />
            <BreakdownChart id="channel" title="Volume by channel" counts={state.data[0].volume.byChannel} color="#2a9d8f" />
          </div>
          <TeamTable teams={state.data[7].teams} />
        </div>
      )}
    </main>
  );
}
