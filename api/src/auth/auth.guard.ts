import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { WorkspaceSettingsService } from '../workspace/settings.service';
import { AuthService } from './auth.service';
import { ipAllowed } from './ip-allow';
import { AuthUser, PUBLIC_KEY, Role, ROLES_KEY } from './roles';

/** EventSource cannot send headers, so the live-events stream alone takes its token from the URL. */
const QUERY_TOKEN_ROUTES = /^\/api\/events(\/|$|\?)/;

/**
 * Every request to the api passes here: the workspace's IP allow-list, then the caller's
 * credential (a session JWT or an API token), then the endpoint's roles. Endpoints without
 * a policy are refused, so forgetting `@Roles` closes a route instead of opening it.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly settings: WorkspaceSettingsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if (ctx.getType() !== 'http') return true;
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();

    const { ipAllowList } = await this.settings.get();
    if (!ipAllowed(req.ip, ipAllowList)) throw new ForbiddenException(`requests from ${req.ip} are not on this workspace's IP allow-list`);

    const credential = bearer(req);
    if (!credential)
      throw new UnauthorizedException('sign in first: send "Authorization: Bearer <token>" (POST /api/auth/login gives one)');
    const user = await this.auth.authenticate(credential);
    req.user = user;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) throw new ForbiddenException(`${req.method} ${req.path} has no role policy, so nobody may call it`);
    if (!roles.includes(user.role)) {
      throw new ForbiddenException(`${user.email} (${user.role}) may not ${req.method} ${routeOf(req)}: it needs ${roles.join(', ')}`);
    }
    return true;
  }
}

function bearer(req: Request): string | null {
  const header = req.headers.authorization;
  if (header) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    return m ? m[1] : null;
  }
  const q = req.query?.access_token;
  return QUERY_TOKEN_ROUTES.test(req.originalUrl) && typeof q === 'string' && q ? q : null;
}

function routeOf(req: Request): string {
  return (req.route as { path?: string } | undefined)?.path ?? req.path;
}
