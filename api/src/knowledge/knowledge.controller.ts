import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { openApiSchema, ZodPipe } from '../common/zod';
import { ArticleInput, articleInputSchema, SearchQuery, searchSchema } from './article.schema';
import { KnowledgeService } from './knowledge.service';
import { AnyRole, Roles } from '../auth/roles';

/** The knowledge base: everyone signed in reads and searches it; managers and admins write it. */
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
  @ApiOperation({ summary: 'The articles that fit a text, best first: score, snippet, full-text rank, keyword boost, and why' })
  @ApiQuery({ name: 'q', description: 'a customer message or search words' })
  @ApiQuery({ name: 'lang', required: false, description: 'only articles in this language (ISO 639-1), the text read in it' })
  @ApiQuery({ name: 'limit', required: false, description: '1–50, default 10' })
  search(@Query(new ZodPipe(searchSchema)) query: SearchQuery) {
    return this.knowledge.search(query.q, query.limit, query.lang);
  }

  @Get(':id')
  @AnyRole()
  @ApiOperation({ summary: 'One article' })
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
  @ApiOperation({ summary: 'Replace an article (the full-text index follows: it is a generated column)' })
  @ApiBody({ schema: openApiSchema(articleInputSchema) })
  update(@Param('id', new ParseUUIDPipe()) id: string, @Body(new ZodPipe(articleInputSchema)) body: ArticleInput) {
    return this.knowledge.update(id, body);
  }

  @Delete(':id')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Delete an article' })
  @HttpCode(204)
  remove(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.knowledge.remove(id);
  }
}
