import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApiSchema, ZodPipe } from '../common/zod';
import { InteractionInput, interactionInputSchema } from './interaction.schema';
import { InteractionsService } from './interactions.service';
import { AnyRole, Roles } from '../auth/roles';

@ApiTags('interactions')
@Controller('api/interactions')
export class InteractionsController {
  constructor(private readonly interactions: InteractionsService) {}

  @Post()
  @Roles('admin', 'manager', 'agent')
  @HttpCode(202)
  @ApiOperation({ summary: 'Take in one interaction (generic JSON channel); the same channel + externalId again is a no-op' })
  @ApiBody({ schema: openApiSchema(interactionInputSchema) })
  async ingest(@Body(new ZodPipe(interactionInputSchema)) body: InteractionInput) {
    const { id, workflowId, playbookVersionId } = await this.interactions.ingest(body);
    return { id, workflowId, playbookVersionId };
  }

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'The most recent interactions' })
  recent(@Query('limit') limit?: string) {
    return this.interactions.recent(Number(limit ?? 50) || 50);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'Status, playbook version, facts and the path taken' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.interactions.get(id);
  }
}
