import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/roles';
import { ZodPipe } from '../common/zod';
import { RecentInteractionsService } from './recent.service';

export const recentQuerySchema = z.object({
  limit: z.coerce.number().int('a whole number').min(1).max(500).default(100),
});

/**
 * The recorded runs of one playbook, for the editor's backtest. Under the playbook's path
 * (not /api/interactions/…, where `:id` takes every single segment). Customer messages are
 * in the answer, so the desks' roles that only work single cases do not list them.
 */
@ApiTags('interactions')
@Controller('api/playbooks')
export class RecentInteractionsController {
  constructor(private readonly recent: RecentInteractionsService) {}

  @Get(':key/interactions')
  @Roles('admin', 'manager', 'viewer')
  @ApiOperation({ summary: 'The newest interactions run on any version of this playbook: text, author, facts and recorded path' })
  @ApiQuery({ name: 'limit', required: false, description: '1–500, default 100' })
  list(@Param('key') key: string, @Query(new ZodPipe(recentQuerySchema)) query: z.infer<typeof recentQuerySchema>) {
    return this.recent.forPlaybook(key, query.limit);
  }
}
