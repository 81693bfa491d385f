import { Module } from '@nestjs/common';
import { DecisionsModule } from '../decisions/decisions.module';
import { ApprovalsController } from './approvals.controller';
import { ApprovalsService } from './approvals.service';

@Module({ imports: [DecisionsModule], providers: [ApprovalsService], controllers: [ApprovalsController] })
export class ApprovalsModule {}
