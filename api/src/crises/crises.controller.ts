import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema, ZodPipe } from '../common/zod';
import { CrisesService } from './crises.service';

const declareSchema = z.object({ topic: z.string().trim().min(1).max(100), by: z.string().min(1).max(200) });
const standDownSchema = z.object({ by: z.string().min(1).max(200) });

@ApiTags('crises')
@Controller('api/crises')
export class CrisesController {
  constructor(private readonly crises: CrisesService) {}

  @Get()
  @ApiOperation({ summary: 'Crises, newest first (?status=active|stood_down)' })
  list(@Query('status') status?: string) {
    return this.crises.list(status === 'active' || status === 'stood_down' ? status : undefined);
  }

  @Post()
  @ApiOperation({ summary: 'Declare a crisis on a topic (409 if one is active on it)' })
  @ApiBody({ schema: openApiSchema(declareSchema) })
  declare(@Body(new ZodPipe(declareSchema)) body: z.infer<typeof declareSchema>) {
    return this.crises.declare(body.topic, body.by);
  }

  @Post(':id/stand-down')
  @ApiOperation({ summary: 'Stand a crisis down: crisis decisions take their normal branch again' })
  @ApiBody({ schema: openApiSchema(standDownSchema) })
  standDown(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodPipe(standDownSchema)) body: z.infer<typeof standDownSchema>) {
    return this.crises.standDown(id, body.by);
  }
}
