import type { FieldProps } from '../SchemaField';
import { useDescribedBy } from '../FieldShell';
import { useFormEnv } from '../FormEnv';
import { humanize } from '../jsonSchema';

export function SelectField({ path, schema, value, label, required }: FieldProps) {
  const env = useFormEnv();
  const { id, describedBy, invalid } = useDescribedBy(path, schema);
  const options = (schema.enum ?? []).map(String);
  const current = typeof value === 'string' ? value : typeof schema.default === 'string' ? schema.default : '';
  // A value the schema does not know (an old playbook) stays visible, so it can be seen and fixed.
  const unknown = current !== '' && !options.includes(current);
  return (
    <select
      id={id}
      className="input"
      value={current}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      onChange={(e) =>
        env.change(path, e.target.value === '' ? undefined : e.target.value, `Set ${label.toLowerCase()} to ${e.target.value || 'none'}`)
      }
    >
      {(current === '' || (!required && schema.default === undefined)) && <option value="">{required ? 'Choose…' : '—'}</option>}
      {unknown && <option value={current}>{current} (unknown)</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {humanize(o)}
        </option>
      ))}
    </select>
  );
}
