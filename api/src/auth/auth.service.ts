import { ForbiddenException, HttpException, HttpStatus, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import bcrypt from 'bcryptjs';
import { createHash, randomBytes } from 'crypto';
import { jwtVerify, SignJWT } from 'jose';
import { DataSource, IsNull } from 'typeorm';
import { UserEntity } from '../database/entities';
import { WorkspaceSettingsService } from '../workspace/settings.service';
import { ApiTokenEntity } from './entities';
import { LoginLimiter } from './login-limiter';
import { AuthUser, Role, ROLES } from './roles';

/** How long a password login's session lasts; the editor signs in again after it. */
export const SESSION_HOURS = Number(process.env.FIREBREAK_SESSION_HOURS ?? 12);
export const TOKEN_PREFIX = 'fbk_';
const ISSUER = 'firebreak';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The same cost for an unknown e-mail as for a wrong password, so timing does not reveal accounts. */
const DUMMY_HASH = bcrypt.hashSync('not-a-password', 10);

@Injectable()
export class AuthService {
  readonly limiter = new LoginLimiter({
    perAccount: Number(process.env.FIREBREAK_LOGIN_MAX_FAILURES ?? 5),
    perAddress: Number(process.env.FIREBREAK_LOGIN_MAX_FAILURES_PER_IP ?? 50),
    windowMs: Number(process.env.FIREBREAK_LOGIN_WINDOW_SECONDS ?? 900) * 1000,
  });

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: WorkspaceSettingsService,
  ) {}

  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; expiresAt: string; user: PublicUser }> {
    const wait = this.limiter.retryAfter(ip, email);
    if (wait > 0) {
      throw new HttpException(
        {
          statusCode: 429,
          error: 'Too Many Requests',
          message: `too many failed logins: try again in ${Math.ceil(wait / 1000)} s`,
          retryAfter: Math.ceil(wait / 1000),
        },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.db
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = lower(:email)', { email })
      .getOne();
    const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabled) {
      this.limiter.fail(ip, email);
      throw new UnauthorizedException(user?.disabled && ok ? 'this account is disabled' : 'wrong e-mail or password');
    }
    this.limiter.succeed(ip, email);
    await this.db.getRepository(UserEntity).update({ id: user.id }, { lastLoginAt: new Date() });
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    const accessToken = await new SignJWT({ email: user.email, role: user.role })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
      .sign(await this.key());
    return { accessToken, expiresAt: expiresAt.toISOString(), user: publicUser(user) };
  }

  /** Who a bearer credential belongs to: an API token (`fbk_…`) or a session JWT. */
  async authenticate(credential: string): Promise<AuthUser> {
    if (credential.startsWith(TOKEN_PREFIX)) return this.fromApiToken(credential);
    let sub: string | undefined;
    try {
      ({
        payload: { sub },
      } = await jwtVerify(credential, await this.key(), { issuer: ISSUER, algorithms: ['HS256'] }));
    } catch (e) {
      throw new UnauthorizedException(
        (e as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'your session has expired: sign in again' : 'the bearer token is not valid',
      );
    }
    // The user is read on every request, so a disabled user or a changed role takes effect at once.
    const user = sub ? await this.db.getRepository(UserEntity).findOneBy({ id: sub }) : null;
    if (!user || user.disabled) throw new UnauthorizedException('this account no longer exists or is disabled');
    return { id: user.id, email: user.email, name: user.name, role: user.role, via: 'password' };
  }

  async createToken(input: { name: string; role: Role; expiresInDays?: number }, by: AuthUser) {
    if (!ROLES.includes(input.role)) throw new ForbiddenException(`unknown role "${input.role}"`);
    const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const repo = this.db.getRepository(ApiTokenEntity);
    const row = await repo.save(
      repo.create({
        name: input.name,
        role: input.role,
        tokenHash: sha256(secret),
        prefix: secret.slice(0, 10),
        createdBy: by.email,
        expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * 86400_000) : null,
      }),
    );
    const { tokenHash: _hash, ...shown } = row;
    return { ...shown, token: secret };
  }

  listTokens() {
    return this.db.getRepository(ApiTokenEntity).find({ order: { createdAt: 'DESC' } });
  }

  async revokeToken(id: string): Promise<ApiTokenEntity | null> {
    const repo = this.db.getRepository(ApiTokenEntity);
    const row = await repo.findOneBy({ id });
    if (!row) return null;
    if (!row.revokedAt) {
      row.revokedAt = new Date();
      await repo.save(row);
    }
    return row;
  }

  private async fromApiToken(secret: string): Promise<AuthUser> {
    const repo = this.db.getRepository(ApiTokenEntity);
    const row = await repo.findOneBy({ tokenHash: sha256(secret), revokedAt: IsNull() });
    if (!row) throw new UnauthorizedException('the API token is not valid or has been revoked');
    if (row.expiresAt && row.expiresAt.getTime() < Date.now()) throw new UnauthorizedException(`the API token "${row.name}" has expired`);
    // At most once a minute, so a busy integration does not write on every call.
    if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) await repo.update({ id: row.id }, { lastUsedAt: new Date() });
    return { id: row.id, email: `token:${row.name}`, name: row.name, role: row.role, via: 'token', tokenId: row.id };
  }

  private async key(): Promise<Uint8Array> {
    return new TextEncoder().encode(await this.settings.jwtSecret());
  }
}

export interface PublicUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  lastLoginAt: Date | null;
  createdAt: Date;
}

export function publicUser(u: UserEntity): PublicUser {
  return { id: u.id, email: u.email, name: u.name, role: u.role, disabled: u.disabled, lastLoginAt: u.lastLoginAt, createdAt: u.createdAt };
}
