import type { FieldProps } from '../SchemaField';
import { useDescribedBy } from '../FieldShell';
import { useFormEnv } from '../FormEnv';
import { useDraftValue } from '../useDraftValue';

export function TextField({ path, schema, value, label, required, multiline }: FieldProps & { multiline?: boolean }) {
  const env = useFormEnv();
  const { id, describedBy, invalid } = useDescribedBy(path, schema);
  const [text, setText, flush] = useDraftValue(typeof value === 'string' ? value : '', (next) =>
    // A cleared optional field is removed, so its default (or nothing) applies again.
    env.change(path, next === '' && !required ? undefined : next, `Edit ${label.toLowerCase()}`),
  );
  const common = {
    id,
    className: 'input',
    value: text,
    placeholder: typeof schema.default === 'string' ? schema.default : undefined,
    maxLength: schema.maxLength,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
    onBlur: flush,
  };
  if (multiline) return <textarea {...common} rows={3} onChange={(e) => setText(e.target.value)} />;
  return <input {...common} type="text" onChange={(e) => setText(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && flush()} />;
}
