import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MetricsService } from './service';
import { seriesSchema, windowSchema, ZodQueryPipe, type MetricsWindow, type SeriesQuery } from './query';
import { AnyRole } from '../auth/roles';

/** Read-only: every figure is derived from rows the api and the worker already write. */
@ApiTags('metrics')
@AnyRole()
@Controller('api/metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get('summary')
  @ApiOperation({ summary: 'Volumes, cases, FRT/ART (24/7 and business hours), AHT/THT, SLA, sentiment conversion (?from&to)' })
  summary(@Query(new ZodQueryPipe(windowSchema)) w: MetricsWindow) {
    return this.metrics.summary(w);
  }

  @Get('series')
  @ApiOperation({
    summary:
      "A figure of the summary per hour or day, each point in the summary's shape (?metric=volume|frt|art|aht|tht|sla|sentimentConversion&interval=hour|day&tz&from&to; tz defaults to the office hours' zone)",
  })
  series(@Query(new ZodQueryPipe(seriesSchema)) q: SeriesQuery) {
    return this.metrics.series(q);
  }

  @Get('agents')
  @ApiOperation({ summary: 'FRT/ART, AHT/THT and SLA per agent (?from&to)' })
  agents(@Query(new ZodQueryPipe(windowSchema)) w: MetricsWindow) {
    return this.metrics.breakdown(w, 'agent');
  }

  @Get('teams')
  @ApiOperation({ summary: 'FRT/ART, AHT/THT and SLA per team (?from&to)' })
  teams(@Query(new ZodQueryPipe(windowSchema)) w: MetricsWindow) {
    return this.metrics.breakdown(w, 'team');
  }
}
