import { ReactNode } from 'react';

/** A titled chart with a one-line reading of it, or a note when the window has nothing to draw. */
export function ChartCard({
  id,
  title,
  summary,
  empty,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  empty: boolean;
  children: ReactNode;
}) {
  return (
    <figure className="chart-card" data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <figcaption>
        <h2 id={`chart-${id}-title`}>{title}</h2>
        <p className="muted small">{summary}</p>
      </figcaption>
      {empty ? (
        <p className="chart-empty" data-testid={`chart-${id}-empty`}>
          No data in this window yet.
        </p>
      ) : (
        <div className="chart-body">{children}</div>
      )}
    </figure>
  );
}
