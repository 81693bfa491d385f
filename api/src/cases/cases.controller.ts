import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { openApiSchema, ZodPipe } from '../common/zod';
import { CasesService } from './cases.service';
import { AnyRole, AuthUser, CurrentUser, Roles } from '../auth/roles';

const listSchema = z.object({
  status: z.enum(['open', 'closed', 'merged']).optional(),
  customerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
const resolveSchema = z.object({ resolution: z.string().trim().min(1).max(200).default('resolved') }).default({ resolution: 'resolved' });

@ApiTags('cases')
@Controller('api')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get('cases')
  @AnyRole()
  @ApiOperation({ summary: 'Cases, most recently active first (?status=open|closed|merged, ?customerId, ?limit)' })
  list(@Query(new ZodPipe(listSchema)) query: z.infer<typeof listSchema>) {
    return this.cases.list(query);
  }

  @Get('cases/:id')
  @AnyRole()
  @ApiOperation({ summary: 'A case: the customer, every interaction across channels, the auto to-do list, the assigned agent and team' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.cases.get(id);
  }

  @Post('cases/:id/resolve')
  @Roles('admin', 'manager', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: "Close the case and its pending items; frees the agent's capacity" })
  @ApiBody({ schema: openApiSchema(resolveSchema) })
  resolve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(resolveSchema)) body: z.infer<typeof resolveSchema>,
    @CurrentUser() user: AuthUser,
  ) {
    return this.cases.resolve(id, { ...body, by: user.email });
  }
}
