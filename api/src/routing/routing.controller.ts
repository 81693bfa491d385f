import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openApiSchema, ZodPipe } from '../common/zod';
import { AgentInput, agentSchema, availabilitySchema, pullSchema, teamSchema } from './schema';
import { RoutingService } from './routing.service';
import { AnyRole, Roles } from '../auth/roles';

@ApiTags('routing')
@Controller('api')
export class RoutingController {
  constructor(private readonly routing: RoutingService) {}

  @Get('teams')
  @AnyRole()
  @ApiOperation({ summary: 'Teams with their number of agents and how many are available' })
  teams() {
    return this.routing.teams();
  }

  @Post('teams')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Create a team (409 if the key is taken)' })
  @ApiBody({ schema: openApiSchema(teamSchema) })
  createTeam(@Body(new ZodPipe(teamSchema)) body: { key: string; name: string }) {
    return this.routing.createTeam(body);
  }

  @Get('agents')
  @AnyRole()
  @ApiOperation({ summary: 'Agents with teams, skills, capacity, availability and current load (open cases)' })
  agents() {
    return this.routing.agents();
  }

  @Get('agents/:id')
  @AnyRole()
  @ApiOperation({ summary: 'One agent with teams, skills, capacity, availability and current load' })
  agent(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.routing.agent(id);
  }

  @Post('agents')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Create an agent in existing teams (409 if the e-mail is taken, 422 for an unknown team)' })
  @ApiBody({ schema: openApiSchema(agentSchema) })
  createAgent(@Body(new ZodPipe(agentSchema)) body: AgentInput) {
    return this.routing.createAgent(body);
  }

  @Put('agents/:id/availability')
  @Roles('admin', 'manager', 'agent')
  @ApiOperation({ summary: 'Set an agent (un)available; coming back takes queued push work up to capacity' })
  @ApiBody({ schema: openApiSchema(availabilitySchema) })
  availability(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodPipe(availabilitySchema)) body: { available: boolean }) {
    return this.routing.setAvailability(id, body.available);
  }

  @Get('routing/queues')
  @AnyRole()
  @ApiOperation({ summary: 'Per team, the queued items in the order agents get them (tier, influence, reach, age)' })
  queues(@Query('team') team?: string) {
    return this.routing.queues(team || undefined);
  }

  @Post('routing/queues/:team/pull')
  @Roles('admin', 'manager', 'agent')
  @HttpCode(200)
  @ApiOperation({ summary: 'An agent takes the next queued item of a team; `assignment` is null when nothing fits' })
  @ApiBody({ schema: openApiSchema(pullSchema) })
  pull(@Param('team') team: string, @Body(new ZodPipe(pullSchema)) body: { agentId: string }) {
    return this.routing.pull(team, body.agentId);
  }
}
