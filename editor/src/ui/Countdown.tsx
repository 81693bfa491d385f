import { useEffect, useState } from 'react';

/** Re-render every second while mounted: for clocks that count down to a deadline. */
function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

export function formatRemaining(ms: number): string {
  const s = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h >= 24) return `${Math.floor(h / 24)} d ${h % 24} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  return `${m}:${String(sec).padStart(2, '0')}`;
}

/**
 * An SLA clock: "due in 4:32", amber in its last fifth (or last 5 minutes), red and "overdue
 * by" once past. Not a live region: a screen reader would hear it every second.
 */
export function Countdown({ dueAt, since, done }: { dueAt: string | null | undefined; since?: string; done?: boolean }) {
  const now = useNow();
  if (!dueAt) return <span className="sla sla-none">no SLA</span>;
  const due = Date.parse(dueAt);
  const left = due - now;
  const total = since ? due - Date.parse(since) : 0;
  const tone = left < 0 ? 'sla-over' : left < Math.max(total / 5, 0) || left < 5 * 60_000 ? 'sla-soon' : 'sla-ok';
  if (done) return <span className="sla sla-none">SLA {new Date(due).toLocaleTimeString()}</span>;
  return (
    <span className={`sla ${tone}`} data-testid="sla" title={`Due ${new Date(due).toLocaleString()}`}>
      {left < 0 ? `overdue by ${formatRemaining(left)}` : `due in ${formatRemaining(left)}`}
    </span>
  );
}
