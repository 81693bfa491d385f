import { Module } from '@nestjs/common';
import { CrisesController } from './crises.controller';
import { CrisesService } from './crises.service';

@Module({ providers: [CrisesService], controllers: [CrisesController], exports: [CrisesService] })
export class CrisesModule {}
