import type { MetricsSummary } from './metricsApi';
import { formatDuration, formatPercent } from './format';

interface Tile {
  id: string;
  label: string;
  value: string;
  detail: string;
}

/** The headline figures of the window, each with how many measurements it rests on. */
export function KpiTiles({ summary: s }: { summary: MetricsSummary }) {
  const tiles: Tile[] = [
    { id: 'inbound', label: 'Inbound messages', value: String(s.volume.inbound), detail: `${s.volume.responses} replies sent` },
    {
      id: 'frt',
      label: 'First response time',
      value: formatDuration(s.frt.avgMs),
      detail: `${formatDuration(s.frt.businessAvgMs)} in office hours · ${s.frt.count} cases`,
    },
    {
      id: 'art',
      label: 'Average response time',
      value: formatDuration(s.art.avgMs),
      detail: `${formatDuration(s.art.businessAvgMs)} in office hours · ${s.art.count} replies`,
    },
    { id: 'aht', label: 'Average handle time', value: formatDuration(s.aht.avgMs), detail: `${s.aht.count} tasks handled` },
    { id: 'sla', label: 'SLA attainment', value: formatPercent(s.sla.rate), detail: `${s.sla.attained} of ${s.sla.due} within SLA` },
    {
      id: 'sentiment',
      label: 'Sentiment conversion',
      value: formatPercent(s.sentimentConversion.rate),
      detail: `${s.sentimentConversion.converted} of ${s.sentimentConversion.negativeStarts} negative cases turned positive`,
    },
    { id: 'cases', label: 'Cases', value: String(s.cases.opened), detail: `opened · ${s.cases.closed} closed` },
  ];
  return (
    <ul className="kpi-tiles" aria-label="Key figures">
      {tiles.map((t) => (
        <li key={t.id} className="kpi" data-testid={`kpi-${t.id}`}>
          <span className="kpi-label">{t.label}</span>
          <span className="kpi-value">{t.value}</span>
          <span className="kpi-detail">{t.detail}</span>
        </li>
      ))}
    </ul>
  );
}
