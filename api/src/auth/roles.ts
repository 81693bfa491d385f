import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

/** The six roles of a workspace; every endpoint names the ones that may call it. */
export const ROLES = ['admin', 'manager', 'pr', 'legal', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, as the auth guard established it (a password login's JWT or an API token). */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  via: 'password' | 'token';
  /** The API token's id when `via` is 'token'. */
  tokenId?: string;
}

export const ROLES_KEY = 'firebreak:roles';
export const PUBLIC_KEY = 'firebreak:public';

/**
 * The roles that may call an endpoint (on a handler, or on a controller for all its handlers;
 * the handler's list wins). An endpoint with neither `@Roles` nor `@Public` is refused, so a
 * new route is closed until someone decides who may use it.
 */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Any signed-in user, whatever the role. */
export const AnyRole = () => SetMetadata(ROLES_KEY, [...ROLES]);

/** No sign-in: health, login, API docs, and the channel webhooks (they check their own signatures). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The signed-in caller (undefined only on @Public routes). */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser | undefined => {
  return (ctx.switchToHttp().getRequest<Request>() as Request & { user?: AuthUser }).user;
});
