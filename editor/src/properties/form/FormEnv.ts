import { createContext, useContext } from 'react';
import type { Problem } from '@firebreak/engine';
import type { JsonSchema } from './jsonSchema';
import type { Path } from './values';
import type { TemplateVariable } from '../../monaco/handlebars';
import type { RunSoFar } from '../templates/samples';

/** What every field of one generated form shares: where its errors are and how it commits. */
export interface FormEnv {
  /** Path prefix of the form's root in the playbook's problem paths ("config"; "" for the playbook itself). */
  root: string;
  /** Validator problems by the dotted path (below the root) of the field that shows them. */
  problems: Map<string, Problem[]>;
  /** Commit one field; `label` names the change for undo ("SLA of Approval"). */
  change(path: Path, value: unknown, label: string): void;
  /** Stored template names, for template pickers. */
  templateNames: string[];
  /** Template sources by name, for previews. */
  templates: Record<string, string>;
  /** Variables a Handlebars field may use at this place of the graph. */
  templateVariables: TemplateVariable[];
  /** What a run knows at this place of the graph, for template previews. */
  run: RunSoFar;
  /** The root schema, to place a problem at its field. */
  schema: JsonSchema;
}

export const FormEnvContext = createContext<FormEnv | null>(null);

export function useFormEnv(): FormEnv {
  const env = useContext(FormEnvContext);
  if (!env) throw new Error('a generated field outside a SchemaForm');
  return env;
}

export const fieldId = (env: FormEnv, path: Path) => [env.root, ...path].filter(Boolean).join('.');
export const domId = (env: FormEnv, path: Path) => `f-${fieldId(env, path).replace(/[^A-Za-z0-9_-]/g, '-')}`;
