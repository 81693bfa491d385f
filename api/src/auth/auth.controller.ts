import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Req,
  UnauthorizedException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import bcrypt from 'bcryptjs';
import type { Request } from 'express';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { openApiSchema, ZodPipe } from '../common/zod';
import { UserEntity } from '../database/entities';
import { WorkspaceSettingsService } from '../workspace/settings.service';
import { AuthService, publicUser } from './auth.service';
import { ipAllowed } from './ip-allow';
import { AnyRole, AuthUser, CurrentUser, Public, Roles, ROLES } from './roles';

const loginSchema = z.object({ email: z.string().min(1).max(200), password: z.string().min(1).max(200) });
export const passwordSchema = z.string().min(10, 'a password has at least 10 characters').max(200);
const changePasswordSchema = z.object({ current: z.string().min(1).max(200), next: passwordSchema });
const tokenSchema = z.object({
  name: z.string().trim().min(1).max(100),
  role: z.enum(ROLES),
  expiresInDays: z.number().int().positive().max(3650).optional(),
});

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly settings: WorkspaceSettingsService,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with e-mail and password: a session token (JWT) and the user (401 wrong, 429 too many failures)' })
  @ApiBody({ schema: openApiSchema(loginSchema) })
  async login(@Body(new ZodPipe(loginSchema)) body: z.infer<typeof loginSchema>, @Req() req: Request) {
    const { ipAllowList } = await this.settings.get();
    if (!ipAllowed(req.ip, ipAllowList)) throw new ForbiddenException(`requests from ${req.ip} are not on this workspace's IP allow-list`);
    return this.auth.login(body.email, body.password, req.ip ?? 'unknown');
  }

  @Get('me')
  @AnyRole()
  @ApiOperation({ summary: 'Who the bearer token belongs to' })
  me(@CurrentUser() user: AuthUser) {
    return user;
  }

  @Put('password')
  @AnyRole()
  @ApiOperation({ summary: 'Change your own password (401 when the current one is wrong)' })
  @ApiBody({ schema: openApiSchema(changePasswordSchema) })
  async changePassword(@Body(new ZodPipe(changePasswordSchema)) body: z.infer<typeof changePasswordSchema>, @CurrentUser() user: AuthUser) {
    if (user.via !== 'password') throw new ForbiddenException('an API token has no password to change');
    const repo = this.db.getRepository(UserEntity);
    const row = await repo.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id: user.id }).getOneOrFail();
    if (!(await bcrypt.compare(body.current, row.passwordHash))) throw new UnauthorizedException('the current password is wrong');
    await repo.update({ id: user.id }, { passwordHash: await bcrypt.hash(body.next, 10) });
    return publicUser(row);
  }

  @Get('tokens')
  @Roles('admin')
  @ApiOperation({ summary: 'API tokens for integrations (never their secret)' })
  tokens() {
    return this.auth.listTokens();
  }

  @Post('tokens')
  @Roles('admin')
  @ApiOperation({ summary: 'Create an API token acting with a role; the secret is shown once, in this answer' })
  @ApiBody({ schema: openApiSchema(tokenSchema) })
  createToken(@Body(new ZodPipe(tokenSchema)) body: z.infer<typeof tokenSchema>, @CurrentUser() user: AuthUser) {
    return this.auth.createToken(body, user);
  }

  @Delete('tokens/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Revoke an API token (it stops working at once)' })
  async revoke(@Param('id', new ParseUUIDPipe()) id: string) {
    const row = await this.auth.revokeToken(id);
    if (!row) throw new NotFoundException(`no API token with id "${id}"`);
    return row;
  }
}
