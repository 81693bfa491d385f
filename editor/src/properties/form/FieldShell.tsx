import type { ReactNode } from 'react';
import { describeDefault, type JsonSchema } from './jsonSchema';
import { domId, fieldId, useFormEnv } from './FormEnv';
import type { Path } from './values';

interface Props {
  path: Path;
  label: string;
  schema: JsonSchema;
  required?: boolean;
  /** Fieldsets (groups, lists, checkboxes) label themselves with a legend, not a <label>. */
  as?: 'field' | 'fieldset';
  /** Problem codes the control itself reports live as it is typed (query, template): not listed twice. */
  liveCodes?: string[];
  children: ReactNode;
}

/**
 * One field of a generated form: its label, the schema's description as help text, the
 * default when the field is left empty, and the validator's errors for it, inline. The
 * control inside is described by the help and errors (aria-describedby = `${id}-help/-errors`).
 */
export function FieldShell({ path, label, schema, required, as = 'field', liveCodes = [], children }: Props) {
  const env = useFormEnv();
  const id = domId(env, path);
  const problems = (env.problems.get(path.join('.')) ?? []).filter((p) => !liveCodes.includes(p.code));
  const def = describeDefault(schema.default);
  const help = (
    <>
      {schema.description && (
        <p className="field-help" id={`${id}-help`}>
          {schema.description}
          {def && <span className="field-default"> Default: {def}.</span>}
        </p>
      )}
      {!schema.description && def && (
        <p className="field-help" id={`${id}-help`}>
          Default: {def}.
        </p>
      )}
      {problems.length > 0 && (
        <ul className="field-errors" id={`${id}-errors`} data-testid={`field-errors-${fieldId(env, path)}`}>
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'warning' ? 'is-warning' : undefined}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
  const cls = `field${problems.some((p) => p.severity === 'error') ? ' has-error' : ''}`;
  const mark = required ? (
    <span className="field-required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
  if (as === 'fieldset')
    return (
      <fieldset
        className={`${cls} field-group`}
        data-testid={`field-${fieldId(env, path)}`}
        aria-describedby={describedBy(id, schema, def, problems.length)}
      >
        <legend>
          {label}
          {mark}
        </legend>
        {help}
        {children}
      </fieldset>
    );
  return (
    <div className={cls} data-testid={`field-${fieldId(env, path)}`}>
      <label htmlFor={id}>
        {label}
        {mark}
      </label>
      {children}
      {help}
    </div>
  );
}

export function describedBy(id: string, schema: JsonSchema, def: string | null, errors: number): string | undefined {
  const ids = [schema.description || def ? `${id}-help` : null, errors ? `${id}-errors` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** aria-describedby for the control inside a FieldShell. */
export function useDescribedBy(path: Path, schema: JsonSchema): { id: string; describedBy?: string; invalid: boolean } {
  const env = useFormEnv();
  const id = domId(env, path);
  const errors = env.problems.get(path.join('.'))?.length ?? 0;
  return { id, describedBy: describedBy(id, schema, describeDefault(schema.default), errors), invalid: errors > 0 };
}
