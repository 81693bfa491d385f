import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { KnowledgeModule } from '../knowledge/knowledge.module';
import { InboxController } from './inbox.controller';
import { InboxService } from './inbox.service';
import { RepliesService } from './replies.service';

@Module({ imports: [DecisionsModule, KnowledgeModule], providers: [InboxService, RepliesService], controllers: [InboxController] })
export class InboxModule {}
