import { Module } from '@nestjs/common';
import { RoutingController } from './routing.controller';
import { RoutingService } from './routing.service';

@Module({ providers: [RoutingService], controllers: [RoutingController], exports: [RoutingService] })
export class RoutingModule {}
