/** A platform's timestamp we cannot read is no reason to lose the message: it is then taken as arriving now (undefined). */
export function validIso(d: Date): string | undefined {
  return Number.isFinite(d.getTime()) ? d.toISOString() : undefined;
}
