import { Body, Controller, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AuthUser, CurrentUser, Roles } from '../auth/roles';
import { openApiSchema, ZodPipe } from '../common/zod';
import { DecisionsService } from './decisions.service';

export const decisionSchema = z.object({
  nodeId: z.string().min(1),
  outcome: z.string().min(1),
  text: z.string().max(20_000).optional(),
  reason: z.string().max(2000).optional(),
});

@ApiTags('interactions')
@Controller('api/interactions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post(':id/decisions')
  // Which of these may take a given decision is the run's to say (the node's role), checked by the workflow's validator.
  @Roles('admin', 'manager', 'pr', 'legal', 'agent')
  @ApiOperation({
    summary: 'Decide a waiting approval, agent task or escalation (403 wrong role or own draft, 409 not waiting, 422 unknown outcome)',
  })
  @ApiBody({ schema: openApiSchema(decisionSchema) })
  decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(decisionSchema)) body: z.infer<typeof decisionSchema>,
    @CurrentUser() user: AuthUser,
  ) {
    return this.decisions.decide(id, body, user);
  }
}
