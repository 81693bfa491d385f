import { Module } from '@nestjs/common';
import { TemplatesModule } from '../templates/templates.module';
import { ExchangeController } from './exchange.controller';
import { ExchangeService } from './exchange.service';
import { PlaybooksController } from './playbooks.controller';
import { PlaybooksService } from './playbooks.service';
import { PublishController } from './publish.controller';
import { PublishService } from './publish.service';

/** Drafts, versions, publishing (alone or with four eyes), archive, import/export and diff. */
@Module({
  imports: [TemplatesModule],
  providers: [PlaybooksService, PublishService, ExchangeService],
  // The import route comes before the `:key` routes so "import" is never taken for a key.
  controllers: [ExchangeController, PlaybooksController, PublishController],
  exports: [PlaybooksService],
})
export class PlaybooksModule {}
