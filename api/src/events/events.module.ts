import { Module } from '@nestjs/common';
import { EventHub } from './event-hub';
import { EventsController } from './events.controller';

/** Live events: GET /api/events, fed by PostgreSQL NOTIFY from every process (publishEvent in ./publish). */
@Module({ providers: [EventHub], controllers: [EventsController] })
export class EventsModule {}
