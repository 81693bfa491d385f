import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { playbookSchema } from '@firebreak/engine';
import { AnyRole, AuthUser, CurrentUser, Roles } from '../auth/roles';
import { openApiSchema } from '../common/zod';
import { ExchangeService } from './exchange.service';
import { diffQuery, exportQuery, importQuery, QueryPipe } from './params';
import { EDITORS } from './playbooks.controller';

@ApiTags('playbooks')
@ApiBearerAuth()
@Controller('api/playbooks')
export class ExchangeController {
  constructor(private readonly exchange: ExchangeService) {}

  @Post('import')
  @Roles(...EDITORS)
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Import an exported file (or a bare playbook) as a new playbook’s draft; ?mode=draft replaces an existing draft. 409 when the key exists without a mode, 422 with field paths when it is not a playbook; never publishes',
  })
  @ApiQuery({ name: 'mode', required: false, enum: ['draft'] })
  @ApiBody({ schema: openApiSchema(playbookSchema) })
  import(@Body() body: unknown, @Query(new QueryPipe(importQuery)) q: z.infer<typeof importQuery>) {
    return this.exchange.import(body, q.mode);
  }

  @Get(':key/export')
  @AnyRole()
  @ApiOperation({ summary: 'Download a version (or the draft) as a playbook file, the format import and the CLI read' })
  @ApiQuery({ name: 'version', required: false, description: 'a version number or "draft" (default)' })
  async export(
    @Param('key') key: string,
    @Query(new QueryPipe(exportQuery)) q: z.infer<typeof exportQuery>,
    @CurrentUser() user: AuthUser | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const { filename, document } = await this.exchange.export(key, q.version, user);
    res.setHeader('content-disposition', `attachment; filename="${filename}"`);
    return document;
  }

  @Get(':key/diff')
  @AnyRole()
  @ApiOperation({ summary: 'What changed between two versions (or a version and the draft), matched by node and edge id' })
  @ApiQuery({ name: 'from', required: true, description: 'a version number or "draft"' })
  @ApiQuery({ name: 'to', required: false, description: 'a version number or "draft" (default)' })
  @ApiQuery({ name: 'ignorePositions', required: false, enum: ['true', 'false'] })
  diff(@Param('key') key: string, @Query(new QueryPipe(diffQuery)) q: z.infer<typeof diffQuery>) {
    return this.exchange.diff(key, q.from, q.to, q.ignorePositions);
  }
}
