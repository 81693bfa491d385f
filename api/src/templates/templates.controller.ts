import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, Roles } from '../auth/roles';
import { openApiSchema, ZodPipe } from '../common/zod';
import {
  CreateTemplate,
  createTemplateSchema,
  PreviewRequest,
  previewSchema,
  UpdateTemplate,
  updateTemplateSchema,
} from './template.schema';
import { TemplatesService } from './templates.service';

/** Reply templates (Handlebars). Everyone signed in reads and previews them; managers and admins write them. */
@ApiTags('templates')
@Controller('api/templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Get()
  @AnyRole()
  @ApiOperation({ summary: 'Every template, by name' })
  list() {
    return this.templates.list();
  }

  // Before ':name', or "sample-context" would be taken for a template's name.
  @Get('sample-context')
  @AnyRole()
  @ApiOperation({ summary: "The sample context previews render against, and every variable and helper a template may use (for the editor's completion)" })
  sampleContext() {
    return this.templates.sampleContext();
  }

  @Post('preview')
  @HttpCode(200)
  @AnyRole()
  @ApiOperation({
    summary: 'Render a source or a stored template against the sample context, a context laid over it, or a real interaction (422 with line/column)',
  })
  @ApiBody({ schema: openApiSchema(previewSchema) })
  preview(@Body(new ZodPipe(previewSchema)) body: PreviewRequest) {
    return this.templates.preview(body);
  }

  @Get(':name')
  @AnyRole()
  @ApiOperation({ summary: 'A template, its warnings, and the playbooks that use it' })
  get(@Param('name') name: string) {
    return this.templates.get(name);
  }

  @Post()
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Add a template: the source must compile and call only known helpers (422 with line/column otherwise)' })
  @ApiBody({ schema: openApiSchema(createTemplateSchema) })
  create(@Body(new ZodPipe(createTemplateSchema)) body: CreateTemplate) {
    return this.templates.create(body);
  }

  @Put(':name')
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Replace the source, or rename (409 naming the playbooks that use the old name)' })
  @ApiBody({ schema: openApiSchema(updateTemplateSchema) })
  update(@Param('name') name: string, @Body(new ZodPipe(updateTemplateSchema)) body: UpdateTemplate) {
    return this.templates.update(name, body);
  }

  @Delete(':name')
  @HttpCode(204)
  @Roles('admin', 'manager')
  @ApiOperation({ summary: 'Delete a template (409 naming the playbooks whose draft, live version or running version uses it)' })
  remove(@Param('name') name: string) {
    return this.templates.remove(name);
  }
}
