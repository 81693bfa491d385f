import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '../auth/roles';
import { openApiSchema, ZodPipe } from '../common/zod';
import { completeSchema, inboxQuerySchema, replySchema, type CompleteBody, type InboxQuery, type ReplyBody } from './inbox.schema';
import { InboxService } from './inbox.service';
import { RepliesService } from './replies.service';

/**
 * The agent inbox. Agents work their own cases; managers and admins may look at (and step
 * into) any agent's with `?agent=<email>`; viewers read; PR and legal have the approvals desk.
 */
@ApiTags('inbox')
@Controller('api/inbox')
export class InboxController {
  constructor(
    private readonly inbox: InboxService,
    private readonly replies: RepliesService,
  ) {}

  @Get()
  @Roles('admin', 'manager', 'agent', 'viewer')
  @ApiOperation({
    summary:
      "The agent's open cases as the auto to-do list, longest waiting first: each with the playbook's next-step prompt and checklist, SLA due, customer, last message (?agent=<email> for managers, admins, viewers)",
  })
  list(@Query(new ZodPipe(inboxQuerySchema)) query: InboxQuery, @CurrentUser() user: AuthUser) {
    return this.inbox.list(user, query.agent);
  }

  @Get('available')
  @Roles('admin', 'manager', 'agent', 'viewer')
  @ApiOperation({
    summary: "Queued items in the agent's teams that fit their skills, languages and channels; canClaim says whether they have room",
  })
  available(@Query(new ZodPipe(inboxQuerySchema)) query: InboxQuery, @CurrentUser() user: AuthUser) {
    return this.inbox.available(user, query.agent);
  }

  @Post(':itemId/claim')
  @HttpCode(200)
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({
    summary: 'Claim a queued item (pull): 409 when someone else has it or the agent is full or away; managers claim for ?agent=<email>',
  })
  claim(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Query(new ZodPipe(inboxQuerySchema)) query: InboxQuery,
    @CurrentUser() user: AuthUser,
  ) {
    return this.inbox.claim(itemId, user, query.agent);
  }

  @Post(':itemId/complete')
  @HttpCode(200)
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: "Complete a task with one of its outcomes (422 lists them; 409 done already; 403 not the caller's case)" })
  @ApiBody({ schema: openApiSchema(completeSchema) })
  complete(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body(new ZodPipe(completeSchema)) body: CompleteBody,
    @CurrentUser() user: AuthUser,
  ) {
    return this.inbox.complete(itemId, body, user);
  }

  @Get(':itemId/suggestions')
  @Roles('admin', 'manager', 'agent', 'viewer')
  @ApiOperation({
    summary:
      "Templates (the task's suggested replies first) and knowledge-base articles for the customer's message, rendered for this case",
  })
  suggestions(@Param('itemId', new ParseUUIDPipe()) itemId: string, @CurrentUser() user: AuthUser) {
    return this.replies.suggestions(itemId, user);
  }

  @Post(':itemId/reply')
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({
    summary:
      "Reply to the customer on the case's channel through the outbox (text, or a template or article rendered for the case); the same Idempotency-Key (or clientId) sends once",
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiBody({ schema: openApiSchema(replySchema) })
  reply(
    @Param('itemId', new ParseUUIDPipe()) itemId: string,
    @Body(new ZodPipe(replySchema)) body: ReplyBody,
    @Headers('idempotency-key') key: string | undefined,
    @CurrentUser() user: AuthUser,
  ) {
    if (key && key.length > 200) throw new BadRequestException({ message: 'the Idempotency-Key is longer than 200 characters' });
    return this.replies.reply(itemId, body, key?.trim() || undefined, user);
  }
}
