import { Module } from '@nestjs/common';
import { PrometheusController } from './prometheus.controller';

/** Operations: the Prometheus endpoint (logging and HTTP metrics are wired in ../http.ts). */
@Module({ controllers: [PrometheusController] })
export class ObservabilityModule {}
