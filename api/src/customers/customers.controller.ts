import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, AuthUser, CurrentUser, Roles } from '../auth/roles';
import { openApiSchema, ZodPipe } from '../common/zod';
import {
  mergeCustomerSchema,
  Page,
  pageSchema,
  PatchCustomer,
  patchCustomerSchema,
  SearchCustomers,
  searchCustomersSchema,
} from './customer.schema';
import { CustomersService } from './customers.service';

/**
 * Customers across channels. Everyone signed in reads them; the people who talk to them
 * (agents) and their managers keep the tier, tags and notes and merge two records of one
 * person.
 */
@ApiTags('customers')
@Controller('api/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Get()
  @AnyRole()
  @ApiOperation({
    summary: 'Find customers by name, handle, e-mail, phone or any identity (?q=, ?limit=, ?offset=), most recently seen first',
  })
  search(@Query(new ZodPipe(searchCustomersSchema)) query: SearchCustomers) {
    return this.customers.search(query);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({
    summary: 'A customer: identities across channels, tier, tags, influence, notes, first/last seen, merges, previous agents, cases',
  })
  profile(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.customers.profile(id);
  }

  @Get(':id/history')
  @AnyRole()
  @ApiOperation({ summary: "The customer's interactions and cases in one timeline, newest first (?limit=, ?offset=)" })
  history(@Param('id', new ParseUUIDPipe()) id: string, @Query(new ZodPipe(pageSchema)) page: Page) {
    return this.customers.history(id, page);
  }

  @Get(':id/sentiment')
  @AnyRole()
  @ApiOperation({ summary: 'Sentiment trend: each interaction (oldest first) and the daily average' })
  sentiment(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.customers.sentiment(id);
  }

  @Get(':id/agents')
  @AnyRole()
  @ApiOperation({ summary: "The agents who handled the customer's cases, and when; most recent first" })
  agents(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.customers.agents(id);
  }

  @Patch(':id')
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: "Change the customer's tier, tags (replaced) or notes; null clears" })
  @ApiBody({ schema: openApiSchema(patchCustomerSchema) })
  patch(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodPipe(patchCustomerSchema)) body: PatchCustomer) {
    return this.customers.patch(id, body);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({
    summary:
      'Merge another record of the same person into this one (identities, cases and interactions move; one transaction; 422 for itself)',
  })
  @ApiBody({ schema: openApiSchema(mergeCustomerSchema) })
  merge(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body(new ZodPipe(mergeCustomerSchema)) body: { otherCustomerId: string },
    @CurrentUser() user: AuthUser,
  ) {
    return this.customers.merge(id, body.otherCustomerId, user);
  }
}
