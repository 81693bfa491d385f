/**
 * SLA and wait durations are written the way managers say them ("15m", "2h", "1d"); tests
 * use seconds ("5s") on a real server, so the unit is part of the value, never implied.
 */
const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
export const DURATION_PATTERN = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/;

export function parseDuration(text: string): number {
  const m = DURATION_PATTERN.exec(text.trim());
  if (!m) throw new Error(`"${text}" is not a duration like 30s, 15m, 2h or 1d`);
  return Math.round(Number(m[1]) * UNITS[m[2]]);
}
