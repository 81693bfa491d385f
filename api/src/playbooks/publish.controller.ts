import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { z } from 'zod';
import { AnyRole, AuthUser, CurrentUser, Roles } from '../auth/roles';
import { openApiSchema, ZodPipe } from '../common/zod';
import { publishBody, QueryPipe, rejectBody, requestsQuery } from './params';
import { EDITORS } from './playbooks.controller';
import { PublishService } from './publish.service';

@ApiTags('playbooks')
@ApiBearerAuth()
@Controller('api/playbooks/:key')
export class PublishController {
  constructor(private readonly publishing: PublishService) {}

  @Post('publish')
  @Roles(...EDITORS)
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Publish the draft with a change note (422 with the problem list when invalid). With the workspace’s four-eyes rule on: 202 and a publish request for a second manager',
  })
  @ApiBody({ schema: openApiSchema(publishBody), required: false })
  @ApiResponse({ status: 201, description: 'the new live version' })
  @ApiResponse({ status: 202, description: '{ request }: waiting for a second manager' })
  async publish(
    @Param('key') key: string,
    @Body(new ZodPipe(publishBody)) body: z.infer<typeof publishBody>,
    @CurrentUser() user: AuthUser | undefined,
    @Res({ passthrough: true }) res: Response,
  ) {
    const outcome = await this.publishing.publish(key, body.note || null, user);
    if ('request' in outcome) {
      res.status(202);
      return outcome;
    }
    return outcome.published;
  }

  @Get('publish-requests')
  @AnyRole()
  @ApiOperation({ summary: 'Publish requests (default: the pending ones), each with its snapshot and what it changes against live' })
  @ApiQuery({ name: 'status', required: false, enum: ['pending', 'approved', 'rejected', 'all'] })
  list(@Param('key') key: string, @Query(new QueryPipe(requestsQuery)) q: z.infer<typeof requestsQuery>) {
    return this.publishing.list(key, q.status);
  }

  @Get('publish-requests/:id')
  @AnyRole()
  @ApiOperation({ summary: 'One publish request' })
  get(@Param('key') key: string, @Param('id') id: string) {
    return this.publishing.get(key, id);
  }

  @Post('publish-requests/:id/approve')
  @Roles(...EDITORS)
  @HttpCode(201)
  @ApiOperation({ summary: 'A second manager publishes the request’s snapshot (403 for the requester, 409 once decided)' })
  approve(@Param('key') key: string, @Param('id') id: string, @CurrentUser() user: AuthUser) {
    return this.publishing.approve(key, id, user);
  }

  @Post('publish-requests/:id/reject')
  @Roles(...EDITORS)
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject with a reason (the requester may withdraw their own request this way); 409 once decided' })
  @ApiBody({ schema: openApiSchema(rejectBody) })
  reject(
    @Param('key') key: string,
    @Param('id') id: string,
    @Body(new ZodPipe(rejectBody)) body: z.infer<typeof rejectBody>,
    @CurrentUser() user: AuthUser,
  ) {
    return this.publishing.reject(key, id, body.reason, user);
  }
}
