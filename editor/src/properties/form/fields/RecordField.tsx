import type { FieldProps } from '../SchemaField';
import { SchemaField } from '../SchemaField';
import type { JsonSchema } from '../jsonSchema';

/** A record with known keys (opening hours per weekday): one optional field per key. */
export function RecordField({ path, schema, value }: FieldProps) {
  const obj = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const keys = (schema.propertyNames?.enum ?? []).map(String);
  const valueSchema: JsonSchema = typeof schema.additionalProperties === 'object' ? schema.additionalProperties : { type: 'string' };
  return (
    <div className="field-list field-list-compact">
      {keys.map((k) => (
        <SchemaField key={k} name={k} path={[...path, k]} schema={valueSchema} value={obj[k]} required={false} />
      ))}
    </div>
  );
}
