import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { AnyRole } from '../auth/roles';
import { ZodPipe } from '../common/zod';
import { SamplesService } from './samples.service';

export const threadsQuerySchema = z.object({
  q: z.string().max(200, 'a search of at most 200 characters').optional(),
  limit: z.coerce.number().int('a whole number').min(1).max(100).default(20),
});

@ApiTags('samples')
@Controller('api/samples')
export class SamplesController {
  constructor(private readonly samples: SamplesService) {}

  /** Demo data to test-run a playbook with: everyone who can open a playbook may use it. */
  @Get('threads')
  @AnyRole()
  @ApiOperation({
    summary:
      'Real customer-care threads (TWCS demo data) for test runs; q searches the customers’ tweets. Empty, with a message, when the data is absent',
  })
  @ApiQuery({ name: 'q', required: false, description: 'case-insensitive text the customer wrote' })
  @ApiQuery({ name: 'limit', required: false, description: '1–100, default 20' })
  threads(@Query(new ZodPipe(threadsQuerySchema)) query: z.infer<typeof threadsQuerySchema>) {
    return this.samples.threads(query.q, query.limit);
  }
}
