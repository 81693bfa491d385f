import type { LiveVersion } from '../api/client';
import { formatDateTime } from '../ui/format';

/** "v3 live" with its date, or "not published". */
export function LiveBadge({ live }: { live: LiveVersion | null }) {
  if (!live)
    return (
      <span className="pill pill-muted" data-testid="live-version">
        not published
      </span>
    );
  return (
    <span className="pill pill-live" data-testid="live-version" title={`live since ${formatDateTime(live.since)}`}>
      v{live.version} live
    </span>
  );
}
