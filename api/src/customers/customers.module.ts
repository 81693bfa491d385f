import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { CustomersController } from './customers.controller';
import { CustomersService } from './customers.service';

/** Customers: search, profile, history, sentiment, previous agents, care notes, and merging two records of one person. */
@Module({ imports: [CasesModule], providers: [CustomersService], controllers: [CustomersController], exports: [CustomersService] })
export class CustomersModule {}
