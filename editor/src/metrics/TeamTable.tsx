import { formatDuration, formatPercent } from './format';
import type { TeamRow } from './metricsApi';

/** The same figures per team, so a manager sees workload beside speed. */
export function TeamTable({ teams }: { teams: TeamRow[] }) {
  if (teams.length === 0) return null;
  return (
    <section className="chart-card" aria-labelledby="teams-title">
      <h2 id="teams-title">Per team</h2>
      <table className="table metrics-table" data-testid="metrics-teams">
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col" className="num">
              Assignments
            </th>
            <th scope="col" className="num">
              FRT
            </th>
            <th scope="col" className="num">
              ART
            </th>
            <th scope="col" className="num">
              AHT
            </th>
            <th scope="col" className="num">
              SLA
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <tr key={t.team}>
              <th scope="row">{t.team}</th>
              <td className="num">{t.assignments.count}</td>
              <td className="num">{formatDuration(t.frt.avgMs)}</td>
              <td className="num">{formatDuration(t.art.avgMs)}</td>
              <td className="num">{formatDuration(t.aht.avgMs)}</td>
              <td className="num">{formatPercent(t.sla.rate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
