import { useLiveEvents, useLiveStatus } from './events';

const labels = { open: 'Live', connecting: 'Connecting…', offline: 'Offline' } as const;

/**
 * A dot in the top bar: whether live updates are flowing. Keeping the stream open from here
 * means every page hears events without each opening its own connection.
 */
export function LiveIndicator() {
  useLiveEvents(() => undefined);
  const status = useLiveStatus();
  return (
    <span className={`live-indicator ${status}`} data-testid="live-status" title={`Live updates: ${labels[status].toLowerCase()}`}>
      <span className="live-indicator-dot" aria-hidden="true" />
      <span className="live-indicator-label">{labels[status]}</span>
    </span>
  );
}
