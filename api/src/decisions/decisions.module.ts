import { Module } from '@nestjs/common';
import { DecisionsController } from './decisions.controller';
import { DecisionsService } from './decisions.service';

@Module({ providers: [DecisionsService], controllers: [DecisionsController], exports: [DecisionsService] })
export class DecisionsModule {}
