import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Playbook, playbookSchema } from '@firebreak/engine';
import { AnyRole, AuthUser, CurrentUser, Roles } from '../auth/roles';
import { openApiSchema, ZodPipe } from '../common/zod';
import { listQuery, QueryPipe } from './params';
import { PlaybooksService } from './playbooks.service';

/** Managers (and admins) change playbooks; every signed-in role may read them. */
export const EDITORS = ['admin', 'manager'] as const;

@ApiTags('playbooks')
@ApiBearerAuth()
@Controller('api/playbooks')
export class PlaybooksController {
  constructor(private readonly playbooks: PlaybooksService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'All playbooks with their live version (archived ones only with ?archived=true)' })
  @ApiQuery({ name: 'archived', required: false, enum: ['true', 'false'] })
  list(@Query(new QueryPipe(listQuery)) q: z.infer<typeof listQuery>) {
    return this.playbooks.list(q.archived);
  }

  @Post()
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Create a playbook; its graph becomes the first draft' })
  @ApiBody({ schema: openApiSchema(playbookSchema) })
  create(@Body(new ZodPipe(playbookSchema)) body: Playbook) {
    return this.playbooks.create(body);
  }

  @Get(':key')
  @AnyRole()
  @ApiOperation({ summary: 'A playbook, its draft and the draft’s problems' })
  get(@Param('key') key: string) {
    return this.playbooks.get(key);
  }

  @Put(':key/draft')
  @Roles(...EDITORS)
  @ApiOperation({ summary: 'Replace the draft (saved even with problems; publish refuses those); 409 when archived' })
  @ApiBody({ schema: openApiSchema(playbookSchema) })
  updateDraft(@Param('key') key: string, @Body(new ZodPipe(playbookSchema)) body: Playbook) {
    return this.playbooks.updateDraft(key, body);
  }

  @Get(':key/versions')
  @AnyRole()
  @ApiOperation({ summary: 'Published versions, newest first: number, change note, publisher, approver (four eyes), time, live' })
  versions(@Param('key') key: string) {
    return this.playbooks.versions(key);
  }

  @Post(':key/versions/:version/rollback')
  @Roles(...EDITORS)
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish an old version again as the newest one (runs already started keep their version)' })
  rollback(@Param('key') key: string, @Param('version', ParseIntPipe) version: number, @CurrentUser() user: AuthUser | undefined) {
    return this.playbooks.rollback(key, version, user?.email ?? null);
  }

  @Get(':key/versions/:version')
  @AnyRole()
  @ApiOperation({ summary: 'One published version with its graph' })
  version(@Param('key') key: string, @Param('version', ParseIntPipe) version: number) {
    return this.playbooks.version(key, version);
  }

  @Post(':key/archive')
  @Roles(...EDITORS)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Archive: no new interactions start on it (runs in flight finish on their version); hidden from the list; read-only',
  })
  archive(@Param('key') key: string) {
    return this.playbooks.setArchived(key, true);
  }

  @Post(':key/unarchive')
  @Roles(...EDITORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Unarchive: its live version takes new interactions again' })
  unarchive(@Param('key') key: string) {
    return this.playbooks.setArchived(key, false);
  }
}
