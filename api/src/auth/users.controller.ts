import {
  Body,
  ConflictException,
  Controller,
  Get,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  UnprocessableEntityException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import bcrypt from 'bcryptjs';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { openApiSchema, ZodPipe } from '../common/zod';
import { UserEntity } from '../database/entities';
import { publicUser } from './auth.service';
import { passwordSchema } from './auth.controller';
import { AuthUser, CurrentUser, Roles, ROLES } from './roles';

const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password: passwordSchema,
});
const updateUserSchema = z
  .object({ name: z.string().trim().min(1).max(200), role: z.enum(ROLES), password: passwordSchema, disabled: z.boolean() })
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'name one of name, role, password or disabled to change');

/** Admins manage who may sign in and with which role; users are disabled, never deleted, so the audit log keeps its names. */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class UsersController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'The users of this workspace and their roles' })
  async list() {
    return (await this.db.getRepository(UserEntity).find({ order: { email: 'ASC' } })).map(publicUser);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a user with a role and an initial password (409 when the e-mail exists)' })
  @ApiBody({ schema: openApiSchema(createUserSchema) })
  async create(@Body(new ZodPipe(createUserSchema)) body: z.infer<typeof createUserSchema>) {
    const repo = this.db.getRepository(UserEntity);
    if (await repo.createQueryBuilder('u').where('lower(u.email) = :e', { e: body.email }).getExists()) {
      throw new ConflictException(`a user with e-mail "${body.email}" exists already`);
    }
    const { password, ...rest } = body;
    return publicUser(await repo.save(repo.create({ ...rest, passwordHash: await bcrypt.hash(password, 10) })));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: "Change a user's name, role or password, or disable them (422 when you would remove your own admin role)" })
  @ApiBody({ schema: openApiSchema(updateUserSchema) })
  async update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(updateUserSchema)) body: z.infer<typeof updateUserSchema>,
    @CurrentUser() me: AuthUser,
  ) {
    const repo = this.db.getRepository(UserEntity);
    const user = await repo.findOneBy({ id });
    if (!user) throw new NotFoundException(`no user with id "${id}"`);
    if (id === me.id && ((body.role && body.role !== 'admin') || body.disabled)) {
      throw new UnprocessableEntityException('you cannot remove your own admin role or disable yourself: ask another admin');
    }
    if (body.name !== undefined) user.name = body.name;
    if (body.role !== undefined) user.role = body.role;
    if (body.disabled !== undefined) user.disabled = body.disabled;
    if (body.password !== undefined) user.passwordHash = await bcrypt.hash(body.password, 10);
    return publicUser(await repo.save(user));
  }
}
