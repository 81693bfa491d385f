import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/roles';
import { openApiSchema, ZodPipe } from '../common/zod';
import { approvalDecisionSchema, approvalListSchema, type ApprovalDecision, type ApprovalListQuery } from './approvals.schema';
import { ApprovalsService } from './approvals.service';

/**
 * The approvals desk. PR and legal read their own role's queue; managers and admins (who
 * stand in, and approve manager approvals) and viewers read any. Agents see a case's
 * pending approval in their inbox's to-do list instead.
 */
@ApiTags('approvals')
@Controller('api/approvals')
export class ApprovalsController {
  constructor(private readonly approvals: ApprovalsService) {}

  @Get()
  @Roles('admin', 'manager', 'pr', 'legal', 'viewer')
  @ApiOperation({
    summary:
      "An approval queue (?status=pending|decided|expired|timed_out|closed, ?role=pr|legal|manager, ?mine=true): the draft, SLA due, assignee; pr/legal see only their role's queue (403 for another)",
  })
  list(@Query(new ZodPipe(approvalListSchema)) query: ApprovalListQuery, @CurrentUser() user: AuthUser) {
    return this.approvals.list(query, user);
  }

  @Get(':id')
  @Roles('admin', 'manager', 'pr', 'legal', 'viewer')
  @ApiOperation({
    summary: "An approval with the case context: thread, customer profile, the run's path so far, the case's other open items",
  })
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentUser() user: AuthUser) {
    return this.approvals.get(id, user);
  }

  @Post(':id/decision')
  @HttpCode(200)
  @Roles('admin', 'manager', 'pr', 'legal')
  @ApiOperation({
    summary:
      'Approve (text: the edited reply that is sent) or reject (reason required, 422); 409 already decided or no longer waiting; 403 wrong role or own draft',
  })
  @ApiBody({ schema: openApiSchema(approvalDecisionSchema) })
  decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(approvalDecisionSchema)) body: ApprovalDecision,
    @CurrentUser() user: AuthUser,
  ) {
    return this.approvals.decide(id, body, user);
  }
}
