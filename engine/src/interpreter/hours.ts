import { OfficeHoursConfig } from '../playbook/catalog';
// Placeholder wiring until analysis/hours lands; replaced by the analysis implementation.
export function isOpenAt(_s: OfficeHoursConfig, _at: string): boolean {
  throw new Error('office hours not wired yet');
}
export function nextOpeningAfter(_s: OfficeHoursConfig, _at: string): string {
  throw new Error('office hours not wired yet');
}
