import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { TemporalService } from '../temporal/temporal.module';
import { Public } from '../auth/roles';

@ApiTags('health')
@Public()
@Controller('api/health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly temporal: TemporalService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'ok when PostgreSQL and Temporal both answer; 503 naming the part that is down' })
  async health(@Res() res: Response) {
    const postgres = await this.db.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const temporal = (await this.temporal.healthy()) ? ('up' as const) : ('down' as const);
    const ok = postgres === 'up' && temporal === 'up';
    res.status(ok ? 200 : 503).json({ status: ok ? 'ok' : 'degraded', postgres, temporal });
  }
}
