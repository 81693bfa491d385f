import { Playbook, playbookSchema } from './schema';
import type { Problem } from './validate';

/**
 * The playbook file format, shared by the api's import/export and the CLI: a playbook as
 * JSON, optionally with an `$export` block saying where and when it was exported from. The
 * block is the only addition, so an exported file is still a playbook every reader (validate,
 * simulate, the schema) takes as it is, and a bare playbook imports just as well.
 */
export const PLAYBOOK_FORMAT = 'firebreak.playbook';
export const PLAYBOOK_FORMAT_VERSION = 1;

export interface ExportInfo {
  format: typeof PLAYBOOK_FORMAT;
  formatVersion: number;
  exportedAt: string;
  exportedBy?: string;
  /** The playbook version the file was taken from ('draft': the working copy). */
  source: { key: string; version: number | 'draft'; note?: string | null; publishedAt?: string; publishedBy?: string | null };
}

export type PlaybookDocument = Playbook & { $export: ExportInfo };

export function toDocument(playbook: Playbook, info: Omit<ExportInfo, 'format' | 'formatVersion'>): PlaybookDocument {
  return { $export: { format: PLAYBOOK_FORMAT, formatVersion: PLAYBOOK_FORMAT_VERSION, ...info }, ...playbook };
}

export type ReadResult = { ok: true; playbook: Playbook; exportInfo: ExportInfo | null } | { ok: false; problems: Problem[] };

const schemaProblem = (path: string, message: string): Problem => ({ code: 'schema', path, message, severity: 'error' });

/**
 * A playbook from a file's parsed JSON: the exported document or a bare playbook. Every schema
 * problem comes back with its field path; a file of another format (or a newer version of this
 * one) is refused rather than half understood.
 */
export function fromDocument(input: unknown): ReadResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, problems: [schemaProblem('', 'a playbook is a JSON object')] };
  const info = (input as { $export?: unknown }).$export;
  if (info !== undefined) {
    const i = info as Partial<ExportInfo> | null;
    if (typeof i !== 'object' || i === null || i.format !== PLAYBOOK_FORMAT)
      return { ok: false, problems: [schemaProblem('$export.format', `not a ${PLAYBOOK_FORMAT} file`)] };
    if (typeof i.formatVersion !== 'number' || i.formatVersion > PLAYBOOK_FORMAT_VERSION)
      return {
        ok: false,
        problems: [schemaProblem('$export.formatVersion', `format version ${String(i.formatVersion)} is not one this Firebreak reads`)],
      };
  }
  const parsed = playbookSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => schemaProblem(i.path.join('.'), i.message)) };
  return { ok: true, playbook: parsed.data, exportInfo: (info as ExportInfo | undefined) ?? null };
}
