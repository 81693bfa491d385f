import { Module } from '@nestjs/common';
import { RecentInteractionsController } from './recent.controller';
import { RecentInteractionsService } from './recent.service';

/** Recorded runs per playbook, read-only: what the editor's backtest replays. */
@Module({ providers: [RecentInteractionsService], controllers: [RecentInteractionsController] })
export class RecentInteractionsModule {}
