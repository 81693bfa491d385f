import { Module } from '@nestjs/common';
import { InteractionsController } from './interactions.controller';
import { InteractionsService } from './interactions.service';

@Module({ providers: [InteractionsService], controllers: [InteractionsController], exports: [InteractionsService] })
export class InteractionsModule {}
