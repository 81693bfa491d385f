import type { FieldProps } from '../SchemaField';
import { useDescribedBy } from '../FieldShell';
import { useFormEnv } from '../FormEnv';

export function BooleanField({ path, schema, value, label }: FieldProps) {
  const env = useFormEnv();
  const { id, describedBy } = useDescribedBy(path, schema);
  const checked = typeof value === 'boolean' ? value : schema.default === true;
  return (
    <input
      id={id}
      className="checkbox"
      type="checkbox"
      checked={checked}
      aria-describedby={describedBy}
      onChange={(e) => env.change(path, e.target.checked, `${e.target.checked ? 'Turn on' : 'Turn off'} ${label.toLowerCase()}`)}
    />
  );
}
