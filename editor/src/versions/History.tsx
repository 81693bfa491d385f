import { formatDateTime } from '../ui/format';
import type { VersionRow } from './versionsApi';

/** Every published version, newest first: who, when, why, which is live; compare or roll back from here. */
export function History(props: {
  versions: VersionRow[];
  canRollBack: boolean;
  onCompare: (v: number) => void;
  onRollback: (v: number) => void;
}) {
  return (
    <section aria-labelledby="versions-history-title">
      <h3 id="versions-history-title" className="versions-title">
        History
      </h3>
      <ol className="versions-history" data-testid="versions-history">
        {props.versions.map((v) => (
          <li key={v.id} className={v.live ? 'version is-live' : 'version'} data-testid={`version-${v.version}`}>
            <div className="version-head">
              <strong>v{v.version}</strong>
              {v.live && <span className="pill pill-live">live</span>}
              <span className="muted small">{formatDateTime(v.publishedAt)}</span>
            </div>
            <div className="small">
              {v.publishedBy ? `by ${v.publishedBy}` : <span className="muted">publisher not recorded</span>}
              {v.approvedBy ? `, approved by ${v.approvedBy}` : ''}
            </div>
            {v.note ? <p className="version-note">{v.note}</p> : <p className="version-note muted">No change note.</p>}
            <div className="version-actions">
              <button
                type="button"
                className="button-quiet"
                data-testid={`version-${v.version}-compare`}
                onClick={() => props.onCompare(v.version)}
              >
                Compare with the draft
              </button>
              {props.canRollBack && !v.live && (
                <button
                  type="button"
                  className="button-quiet"
                  data-testid={`version-${v.version}-rollback`}
                  onClick={() => props.onRollback(v.version)}
                >
                  Roll back to v{v.version}
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
