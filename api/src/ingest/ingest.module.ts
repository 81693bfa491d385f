import { Module } from '@nestjs/common';
import { InteractionsModule } from '../interactions/interactions.module';
import { InstagramMentions } from './instagram-mentions';
import { WebhookIngest } from './webhook-ingest';
import { WebhooksController } from './webhooks.controller';

/** The channels' webhooks (X Account Activity, Meta), normalised into interactions. */
@Module({ imports: [InteractionsModule], providers: [WebhookIngest, InstagramMentions], controllers: [WebhooksController] })
export class IngestModule {}
