import { Module } from '@nestjs/common';
import { CasesController } from './cases.controller';
import { CasesService } from './cases.service';

@Module({ providers: [CasesService], controllers: [CasesController], exports: [CasesService] })
export class CasesModule {}
