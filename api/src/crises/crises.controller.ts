import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AnyRole, AuthUser, CurrentUser, Roles } from '../auth/roles';
import { openApiSchema, ZodPipe } from '../common/zod';
import { CrisesService } from './crises.service';

// Who declares comes from the sign-in; a `by` older clients still send is dropped, never believed.
const declareSchema = z.object({ topic: z.string().trim().min(1, 'a crisis topic is required').max(100) });
const listSchema = z.object({ status: z.enum(['active', 'stood_down']).optional() });

/**
 * Crises. The seeds' crisis plan has PR "quickly pick up potentially damaging issues" and
 * work with management on the response, so PR, managers and admins declare and stand down;
 * frontline agents escalate to PR (and the volume detector declares on a spike) rather than
 * switching every playbook into crisis mode themselves. Everyone signed in sees them.
 */
@ApiTags('crises')
@Controller('api/crises')
export class CrisesController {
  constructor(private readonly crises: CrisesService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Crises, newest first: who declared and stood down each and when, and how many interactions it affected' })
  @ApiQuery({ name: 'status', required: false, enum: ['active', 'stood_down'] })
  list(@Query(new ZodPipe(listSchema)) query: z.infer<typeof listSchema>) {
    return this.crises.list(query.status);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'One crisis' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.crises.get(id);
  }

  @Post()
  @Roles('admin', 'manager', 'pr')
  @ApiOperation({ summary: 'Declare a crisis on a topic as the signed-in user (409 if one is active on it)' })
  @ApiBody({ schema: openApiSchema(declareSchema) })
  declare(@Body(new ZodPipe(declareSchema)) body: z.infer<typeof declareSchema>, @CurrentUser() user: AuthUser) {
    return this.crises.declare(body.topic, user);
  }

  @Post(':id/stand-down')
  @Roles('admin', 'manager', 'pr')
  @ApiOperation({ summary: 'Stand a crisis down as the signed-in user: crisis decisions take their normal branch again' })
  standDown(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser) {
    return this.crises.standDown(id, user);
  }
}
