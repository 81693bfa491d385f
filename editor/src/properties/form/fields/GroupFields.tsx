import type { FieldProps } from '../SchemaField';
import { SchemaField } from '../SchemaField';
import { isRequired, type JsonSchema } from '../jsonSchema';
import type { Path } from '../values';

/** The fields of an object, in the schema's order. */
export function GroupFields({ path, schema, value }: Pick<FieldProps, 'path' | 'schema' | 'value'>) {
  const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return (
    <div className="field-list">
      {Object.entries(schema.properties ?? {}).map(([name, child]: [string, JsonSchema]) => {
        const childPath: Path = [...path, name];
        return <SchemaField key={name} name={name} path={childPath} schema={child} value={obj[name]} required={isRequired(schema, name)} />;
      })}
    </div>
  );
}
