import { Body, Controller, Get, Patch, Req, UnprocessableEntityException } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { z } from 'zod';
import { Roles } from '../auth/roles';
import { ipAllowed, parseAllowEntry } from '../auth/ip-allow';
import { openApiSchema, ZodPipe } from '../common/zod';
import { WorkspaceSettingsService } from './settings.service';

const settingsPatchSchema = z
  .object({
    ipAllowList: z
      .array(z.string().trim().min(1).max(64))
      .max(200)
      .superRefine((list, ctx) =>
        list.forEach((entry, i) => {
          try {
            parseAllowEntry(entry);
          } catch (e) {
            ctx.addIssue({ code: 'custom', path: [i], message: (e as Error).message });
          }
        }),
      ),
    fourEyesPublish: z.boolean(),
  })
  .partial();

@ApiTags('workspace')
@ApiBearerAuth()
@Controller('api/workspace/settings')
export class WorkspaceController {
  constructor(private readonly settings: WorkspaceSettingsService) {}

  @Get()
  @Roles('admin', 'manager')
  @ApiOperation({ summary: "The workspace's IP allow-list and four-eyes publishing rule" })
  get() {
    return this.settings.get();
  }

  @Patch()
  @Roles('admin')
  @ApiOperation({ summary: 'Change the IP allow-list (CIDRs; empty = anywhere) or the four-eyes rule (422 when it would lock you out)' })
  @ApiBody({ schema: openApiSchema(settingsPatchSchema) })
  async update(@Body(new ZodPipe(settingsPatchSchema)) body: z.infer<typeof settingsPatchSchema>, @Req() req: Request) {
    if (body.ipAllowList && !ipAllowed(req.ip, body.ipAllowList)) {
      throw new UnprocessableEntityException(`this allow-list would lock you out: your address ${req.ip} is not on it`);
    }
    return this.settings.update(body);
  }
}
