import { Module } from '@nestjs/common';
import { MetricsController } from './controller';
import { MetricsService } from './service';

@Module({ providers: [MetricsService], controllers: [MetricsController] })
export class MetricsModule {}
