import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Playbook, playbookSchema } from '@firebreak/engine';
import { openApiSchema, ZodPipe } from '../common/zod';
import { PlaybooksService } from './playbooks.service';
import { AnyRole, Roles } from '../auth/roles';

const publishSchema = z.object({ note: z.string().max(2000).optional(), by: z.string().max(200).optional() }).default({});

@ApiTags('playbooks')
@Controller('api/playbooks')
export class PlaybooksController {
  constructor(private readonly playbooks: PlaybooksService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'All playbooks with their live version' })
  list() {
    return this.playbooks.list();
  }

  @Post()
  @Roles('admin', 'manager')
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
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Replace the draft (saved even with problems; publish refuses those)' })
  @ApiBody({ schema: openApiSchema(playbookSchema) })
  updateDraft(@Param('key') key: string, @Body(new ZodPipe(playbookSchema)) body: Playbook) {
    return this.playbooks.updateDraft(key, body);
  }

  @Post(':key/publish')
  @Roles('admin', 'manager')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish the draft as a new immutable version (422 with the problem list when invalid)' })
  @ApiBody({ schema: openApiSchema(publishSchema), required: false })
  publish(@Param('key') key: string, @Body(new ZodPipe(publishSchema)) body: z.infer<typeof publishSchema>) {
    return this.playbooks.publish(key, body.note, body.by);
  }

  @Get(':key/versions')
  @AnyRole()
  versions(@Param('key') key: string) {
    return this.playbooks.versions(key);
  }

  @Post(':key/versions/:version/rollback')
  @Roles('admin', 'manager')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish an old version again as the newest one (runs already started keep their version)' })
  @ApiBody({ schema: openApiSchema(publishSchema), required: false })
  rollback(
    @Param('key') key: string,
    @Param('version', ParseIntPipe) version: number,
    @Body(new ZodPipe(publishSchema)) body: z.infer<typeof publishSchema>,
  ) {
    return this.playbooks.rollback(key, version, body.by);
  }

  @Get(':key/versions/:version')
  @AnyRole()
  version(@Param('key') key: string, @Param('version', ParseIntPipe) version: number) {
    return this.playbooks.version(key, version);
  }
}
