import type { FieldProps } from '../SchemaField';
import { useDescribedBy } from '../FieldShell';
import { useFormEnv } from '../FormEnv';
import { useDraftValue } from '../useDraftValue';

export function NumberField({ path, schema, value, label, required, integer }: FieldProps & { integer: boolean }) {
  const env = useFormEnv();
  const { id, describedBy, invalid } = useDescribedBy(path, schema);
  const [text, setText, flush] = useDraftValue(typeof value === 'number' ? String(value) : '', (next) => {
    if (next.trim() === '') return env.change(path, undefined, `Clear ${label.toLowerCase()}`);
    const n = Number(next);
    // Half-typed numbers ("-", "0.") are kept in the box until they are numbers.
    if (Number.isFinite(n)) env.change(path, n, `Edit ${label.toLowerCase()}`);
  });
  return (
    <input
      id={id}
      className="input input-number"
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      step={integer ? 1 : 'any'}
      min={schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + (integer ? 1 : 0) : undefined)}
      max={schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER ? schema.maximum : undefined}
      value={text}
      placeholder={typeof schema.default === 'number' ? String(schema.default) : undefined}
      aria-describedby={describedBy}
      aria-invalid={invalid || undefined}
      aria-required={required || undefined}
      onChange={(e) => setText(e.target.value)}
      onBlur={flush}
      onKeyDown={(e) => e.key === 'Enter' && flush()}
    />
  );
}
