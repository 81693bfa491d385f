import { Module } from '@nestjs/common';
import { SamplesController } from './samples.controller';
import { SamplesService } from './samples.service';

/** Demo data for the editor's test runs (real TWCS threads), read from FIREBREAK_SAMPLES_DIR. */
@Module({ providers: [SamplesService], controllers: [SamplesController] })
export class SamplesModule {}
