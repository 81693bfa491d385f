import type { FieldProps } from '../SchemaField';
import { domId, useFormEnv } from '../FormEnv';
import { humanize } from '../jsonSchema';

/** An array of choices (channels, visibilities): one checkbox per choice, in the schema's order. */
export function CheckboxesField({ path, schema, value, label }: FieldProps) {
  const env = useFormEnv();
  const options = (schema.items?.enum ?? []).map(String);
  const chosen = Array.isArray(value) ? value.map(String) : Array.isArray(schema.default) ? schema.default.map(String) : [];
  const toggle = (o: string, on: boolean) => {
    const next = options.filter((x) => (x === o ? on : chosen.includes(x)));
    env.change(path, next, `${on ? 'Add' : 'Remove'} ${o} in ${label.toLowerCase()}`);
  };
  return (
    <div className="checkbox-row">
      {options.map((o) => {
        const id = `${domId(env, path)}-${o}`;
        return (
          <label key={o} htmlFor={id} className="checkbox-label">
            <input id={id} type="checkbox" checked={chosen.includes(o)} onChange={(e) => toggle(o, e.target.checked)} />
            {humanize(o)}
          </label>
        );
      })}
    </div>
  );
}
