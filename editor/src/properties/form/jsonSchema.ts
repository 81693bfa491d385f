/**
 * The generated forms read a zod schema through its JSON Schema (`z.toJSONSchema`, input
 * side: a field with a default is optional and shows its default). The widget of a field
 * follows from the schema alone — type, enum, items, and the catalog's `format` marks — so a
 * new node kind or field needs no editor change.
 */
import { z } from 'zod';
import { FIELD_FORMATS, nodeConfigs, settingsSchema, type NodeKind } from '@firebreak/engine';

export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  default?: unknown;
  description?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxLength?: number;
  maxItems?: number;
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
}

export type Widget =
  | 'text'
  | 'textarea'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'select'
  | 'checkboxes'
  | 'chips'
  | 'group'
  | 'group-list'
  | 'record'
  | 'duration'
  | 'query'
  | 'template'
  | 'template-name'
  | 'template-names'
  | 'unsupported';

const toJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const byKind = new Map<string, JsonSchema>();
/** The config schema of a node kind, as JSON Schema (computed once per kind). */
export function configSchemaOf(kind: NodeKind): JsonSchema {
  let s = byKind.get(kind);
  if (!s) byKind.set(kind, (s = toJson(nodeConfigs[kind])));
  return s;
}

let settings: JsonSchema | null = null;
export const settingsJsonSchema = (): JsonSchema => (settings ??= toJson(settingsSchema));

export function widgetOf(s: JsonSchema): Widget {
  switch (s.format) {
    case FIELD_FORMATS.duration:
      return 'duration';
    case FIELD_FORMATS.query:
      return 'query';
    case FIELD_FORMATS.template:
      return 'template';
    case FIELD_FORMATS.templateName:
      return 'template-name';
  }
  if (s.enum) return 'select';
  switch (s.type) {
    case 'string':
      // Long prose (a description) gets a text area; names and ids a line.
      return (s.maxLength ?? 0) >= 500 ? 'textarea' : 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array': {
      const items = s.items ?? {};
      if (items.enum) return 'checkboxes';
      if (items.format === FIELD_FORMATS.templateName) return 'template-names';
      if (items.type === 'object') return 'group-list';
      return items.type === 'string' ? 'chips' : 'unsupported';
    }
    case 'object':
      if (s.properties) return 'group';
      if (s.propertyNames?.enum && typeof s.additionalProperties === 'object') return 'record';
      return 'unsupported';
  }
  return 'unsupported';
}

/** Group widgets hold other fields; a problem deeper than them belongs to the field inside. */
const containers: Widget[] = ['group', 'group-list', 'record'];

/**
 * The field that shows a problem at `segments` (a problem path below the form's root): the
 * deepest field the path reaches, stopping at leaf widgets (a chip list shows the errors of
 * its chips). Returns the segments of that field, '' joined with dots.
 */
export function fieldOfProblem(schema: JsonSchema, segments: string[]): string {
  const out: string[] = [];
  let s: JsonSchema | undefined = schema;
  for (const seg of segments) {
    if (!s) break;
    const w = widgetOf(s);
    if (out.length > 0 && !containers.includes(w)) break;
    let next: JsonSchema | undefined;
    if (w === 'group' || (out.length === 0 && s.properties)) next = s.properties?.[seg];
    else if (w === 'group-list') next = /^\d+$/.test(seg) ? s.items : undefined;
    else if (w === 'record' && typeof s.additionalProperties === 'object') next = s.additionalProperties;
    if (!next) break;
    out.push(seg);
    s = next;
  }
  return out.join('.');
}

export function isRequired(parent: JsonSchema, name: string): boolean {
  const child = parent.properties?.[name];
  return !!parent.required?.includes(name) && child?.default === undefined;
}

const ACRONYMS: Record<string, string> = { sla: 'SLA', pr: 'PR', kb: 'KB', id: 'ID', pii: 'PII', x: 'X' };

/** "negativeBelow" → "Negative below", "team_lead" → "Team lead", "sla" → "SLA". */
export function humanize(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => ACRONYMS[w.toLowerCase()] ?? w.toLowerCase());
  if (words.length === 0) return name;
  const [first, ...rest] = words;
  return [first === first.toLowerCase() ? first[0].toUpperCase() + first.slice(1) : first, ...rest].join(' ');
}

/** A default as the form shows it: "30m", "yes", "none", "x, facebook". */
export function describeDefault(value: unknown): string | null {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (value && typeof value === 'object') return Object.keys(value).length ? JSON.stringify(value) : null;
  return String(value);
}
