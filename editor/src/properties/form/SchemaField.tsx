import type { ReactNode } from 'react';
import { humanize, widgetOf, type JsonSchema } from './jsonSchema';
import type { Path } from './values';
import { FieldShell } from './FieldShell';
import { TextField } from './fields/TextField';
import { NumberField } from './fields/NumberField';
import { BooleanField } from './fields/BooleanField';
import { SelectField } from './fields/SelectField';
import { CheckboxesField } from './fields/CheckboxesField';
import { ChipsField } from './fields/ChipsField';
import { DurationField } from './fields/DurationField';
import { GroupFields } from './fields/GroupFields';
import { GroupListField } from './fields/GroupListField';
import { RecordField } from './fields/RecordField';
import { QueryField } from '../query/QueryField';
import { TemplateField } from '../templates/TemplateField';
import { TemplateNameField, TemplateNamesField } from '../templates/TemplateNameField';

export interface FieldProps {
  path: Path;
  schema: JsonSchema;
  value: unknown;
  label: string;
  required: boolean;
}

/** One field of a generated form: the widget its schema calls for, inside its label, help and errors. */
export function SchemaField({ path, schema, value, name, required }: Omit<FieldProps, 'label'> & { name: string }) {
  const label = humanize(name);
  const props: FieldProps = { path, schema, value, label, required };
  const widget = widgetOf(schema);
  const field = (control: ReactNode, as: 'field' | 'fieldset' = 'field', liveCodes?: string[]) => (
    <FieldShell path={path} label={label} schema={schema} required={required} as={as} liveCodes={liveCodes}>
      {control}
    </FieldShell>
  );
  switch (widget) {
    case 'text':
    case 'textarea':
      return field(<TextField {...props} multiline={widget === 'textarea'} />);
    case 'number':
    case 'integer':
      return field(<NumberField {...props} integer={widget === 'integer'} />);
    case 'boolean':
      return field(<BooleanField {...props} />);
    case 'select':
      return field(<SelectField {...props} />);
    case 'duration':
      return field(<DurationField {...props} />, 'fieldset');
    case 'checkboxes':
      return field(<CheckboxesField {...props} />, 'fieldset');
    case 'chips':
      return field(<ChipsField {...props} />);
    case 'group':
      return field(<GroupFields {...props} />, 'fieldset');
    case 'group-list':
      return field(<GroupListField {...props} />, 'fieldset');
    case 'record':
      return field(<RecordField {...props} />, 'fieldset');
    case 'query':
      return field(<QueryField {...props} />, 'field', ['query']);
    case 'template':
      return field(<TemplateField {...props} />, 'field', ['template']);
    case 'template-name':
      return field(<TemplateNameField {...props} />);
    case 'template-names':
      return field(<TemplateNamesField {...props} />, 'fieldset');
    case 'unsupported':
      return field(
        <pre className="field-raw" id={undefined}>
          {JSON.stringify(value ?? schema.default ?? null, null, 2)}
        </pre>,
      );
  }
}

/** A value to start a new list item or required field with: its default, else the first choice, else empty. */
export function initialValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.enum?.length) return schema.enum[0];
  const w = widgetOf(schema);
  if (w === 'duration') return '1h';
  if (w === 'group') {
    const out: Record<string, unknown> = {};
    for (const name of schema.required ?? []) out[name] = initialValue(schema.properties?.[name] ?? {});
    return out;
  }
  if (schema.type === 'array') return [];
  if (schema.type === 'object') return {};
  if (schema.type === 'number' || schema.type === 'integer')
    return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
  if (schema.type === 'boolean') return false;
  return '';
}
