import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { openApiSchema, ZodPipe } from '../common/zod';
import { ArticleInput, articleInputSchema } from './article.schema';
import { KnowledgeService } from './knowledge.service';
import { AnyRole, Roles } from '../auth/roles';

@ApiTags('knowledge')
@Controller('api/knowledge')
export class KnowledgeController {
  constructor(private readonly knowledge: KnowledgeService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Every knowledge-base article' })
  list() {
    return this.knowledge.list();
  }

  // Before ':id', or "search" would be taken for an id.
  @Get('search')
  @AnyRole()
  @ApiOperation({ summary: 'The articles that fit a text, best first: full-text rank, keyword boost, and why' })
  @ApiQuery({ name: 'q', description: 'a customer message or search words' })
  @ApiQuery({ name: 'limit', required: false })
  search(@Query('q') q?: string, @Query('limit') limit?: string) {
    return this.knowledge.search(q, Math.min(Math.max(Number(limit ?? 10) || 10, 1), 50));
  }

  @Get(':id')
  @AnyRole()
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.knowledge.get(id);
  }

  @Post()
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Add an article (body: a Handlebars template; query: a keyword query that boosts it)' })
  @ApiBody({ schema: openApiSchema(articleInputSchema) })
  create(@Body(new ZodPipe(articleInputSchema)) body: ArticleInput) {
    return this.knowledge.create(body);
  }

  @Put(':id')
  @Roles('admin', 'manager')
  @ApiBody({ schema: openApiSchema(articleInputSchema) })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodPipe(articleInputSchema)) body: ArticleInput) {
    return this.knowledge.update(id, body);
  }

  @Delete(':id')
  @Roles('admin', 'manager')
  @HttpCode(204)
  remove(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.knowledge.remove(id);
  }
}
