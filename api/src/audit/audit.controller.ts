import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodPipe } from '../common/zod';
import { AuditEntryEntity } from './audit.entity';
import { AuditLogService } from './audit-log.service';
import { AuditQuery, auditQuerySchema, exportQuerySchema } from './audit.query';
import { z } from 'zod';
import { Roles } from '../auth/roles';

const CSV_COLUMNS: Array<keyof AuditEntryEntity> = [
  'seq',
  'at',
  'actor',
  'action',
  'method',
  'route',
  'resourceType',
  'resourceId',
  'status',
  'ip',
  'body',
  'changes',
  'prevHash',
  'hash',
];

@ApiTags('audit')
@Roles('admin', 'manager')
@Controller('api/audit')
export class AuditController {
  constructor(private readonly log: AuditLogService) {}

  @Get()
  @ApiOperation({ summary: 'Search the audit log, newest first (actor, action prefix, resource, from, to, q, limit, cursor)' })
  search(@Query(new ZodPipe(auditQuerySchema)) q: AuditQuery) {
    return this.log.search(q);
  }

  @Get('export')
  @ApiOperation({ summary: 'Export the matching audit rows, oldest first, streamed as CSV or JSON' })
  async export(@Query(new ZodPipe(exportQuerySchema)) q: z.infer<typeof exportQuerySchema>, @Res() res: Response) {
    const csv = q.format === 'csv';
    res.setHeader('content-type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    res.setHeader('content-disposition', `attachment; filename="audit.${q.format}"`);
    res.write(csv ? `${CSV_COLUMNS.join(',')}\n` : '[');
    let first = true;
    for await (const row of this.log.all(q)) {
      if (csv) res.write(`${CSV_COLUMNS.map((c) => csvCell(row[c])).join(',')}\n`);
      else res.write(`${first ? '' : ','}\n${JSON.stringify(row)}`);
      first = false;
    }
    res.end(csv ? '' : '\n]\n');
  }

  @Get('verify')
  @ApiOperation({ summary: 'Recompute the hash chain: { ok, rows, brokenAt? } (brokenAt: the seq of the first bad row)' })
  verify() {
    return this.log.verify();
  }
}

/** RFC 4180: quote every cell that needs it, objects as their JSON. */
function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
