import { useMemo, type ReactNode } from 'react';
import type { Problem } from '@firebreak/engine';
import { FormEnvContext, type FormEnv } from './FormEnv';
import { fieldOfProblem, type JsonSchema } from './jsonSchema';
import { GroupFields } from './fields/GroupFields';

type Props = Omit<FormEnv, 'problems'> & {
  value: unknown;
  /** The validator's problems for what this form edits; each is shown at its field. */
  problems: Problem[];
  /** Shown above the fields: problems of the form as a whole (e.g. "config" missing). */
  empty?: ReactNode;
};

/** A form generated from a JSON Schema: one field per property, problems inline at their fields. */
export function SchemaForm({ value, problems, empty, ...env }: Props) {
  const byField = useMemo(() => placeProblems(env.schema, env.root, problems), [env.schema, env.root, problems]);
  const top = byField.get('') ?? [];
  const hasFields = Object.keys(env.schema.properties ?? {}).length > 0;
  return (
    <FormEnvContext.Provider value={{ ...env, problems: byField }}>
      {top.length > 0 && (
        <ul className="field-errors" data-testid="form-errors">
          {top.map((p, i) => (
            <li key={i}>{p.message}</li>
          ))}
        </ul>
      )}
      {hasFields ? <GroupFields path={[]} schema={env.schema} value={value} /> : empty}
    </FormEnvContext.Provider>
  );
}

/** Problems by the dotted path (below `root`) of the field that shows them; '' = the form itself. */
export function placeProblems(schema: JsonSchema, root: string, problems: Problem[]): Map<string, Problem[]> {
  const out = new Map<string, Problem[]>();
  for (const p of problems) {
    const path = p.path ?? '';
    if (root && path !== root && !path.startsWith(`${root}.`)) continue;
    const below = root ? path.slice(root.length + 1) : path;
    const key = fieldOfProblem(schema, below ? below.split('.') : []);
    out.set(key, [...(out.get(key) ?? []), p]);
  }
  return out;
}
