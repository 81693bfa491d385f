/**
 * What each role may use in the editor. The server is the judge (every endpoint names its
 * roles); this only keeps the navigation to what a role can actually do, so nobody is sent
 * to a page that answers 403.
 */
import type { Role } from './session';

export type Area = 'playbooks' | 'metrics' | 'crises' | 'approvals' | 'inbox';

const areaRoles: Record<Area, readonly Role[]> = {
  playbooks: ['admin', 'manager', 'viewer'],
  metrics: ['admin', 'manager', 'viewer'],
  crises: ['admin', 'manager'],
  approvals: ['pr', 'legal'],
  inbox: ['agent'],
};

export function mayUse(role: Role, area: Area): boolean {
  return areaRoles[area].includes(role);
}

/** Managers and admins change playbooks and declare or stand down crises; everyone else reads. */
export function mayManage(role: Role): boolean {
  return role === 'admin' || role === 'manager';
}

/** Where a role lands after signing in: its own desk. */
export function homeFor(role: Role): string {
  if (role === 'agent') return '/inbox';
  if (role === 'pr' || role === 'legal') return '/approvals';
  return '/playbooks';
}

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Care manager',
  pr: 'PR',
  legal: 'Legal',
  agent: 'Agent',
  viewer: 'Viewer',
};
