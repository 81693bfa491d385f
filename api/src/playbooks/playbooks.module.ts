import { Module } from '@nestjs/common';
import { TemplatesModule } from '../templates/templates.module';
import { PlaybooksController } from './playbooks.controller';
import { PlaybooksService } from './playbooks.service';

@Module({ imports: [TemplatesModule], providers: [PlaybooksService], controllers: [PlaybooksController], exports: [PlaybooksService] })
export class PlaybooksModule {}
