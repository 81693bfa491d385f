import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Roles } from '../auth/roles';
import { prometheusContentType, prometheusText } from './prometheus';

@ApiTags('operations')
@Controller('api/metrics')
export class PrometheusController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  @Get('prometheus')
  @Roles('admin')
  @Header('content-type', prometheusContentType)
  @Header('cache-control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus metrics: HTTP, interactions, runs, approvals, outbox, SLA breaches, process (an admin API token scrapes it)',
  })
  @ApiProduces('text/plain')
  metrics(): Promise<string> {
    return prometheusText(this.db);
  }
}
