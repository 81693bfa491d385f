import { useMemo } from 'react';
import { z } from 'zod';
import { playbookSchema, settingsSchema, type Playbook } from '@firebreak/engine';
import type { WorkbenchContext } from '../playbooks/workbench';
import { SchemaForm } from './form/SchemaForm';
import type { JsonSchema } from './form/jsonSchema';
import { setIn, type Path } from './form/values';
import { runSoFar, templateVariables } from './templates/variables';

/** What the playbook-level form edits: its name, description and settings (cue lists, crisis topics). */
let schema: JsonSchema | null = null;
const playbookFormSchema = (): JsonSchema =>
  // The strict settings (what publishing needs), not the draft's lenient shape: the form marks what is required.
  (schema ??= z.toJSONSchema(
    z.object({ name: playbookSchema.shape.name, description: playbookSchema.shape.description, settings: settingsSchema }),
    {
      io: 'input',
      unrepresentable: 'any',
    },
  ) as JsonSchema);

const OWN_PATHS = /^(name|description|settings)(\.|$)/;

/** With no node selected: the playbook's own settings. */
export function PlaybookSettings({ ctx }: { ctx: WorkbenchContext }) {
  const pb = ctx.playbook;
  const problems = useMemo(() => ctx.problems.filter((p) => !p.nodeId && !p.edgeId && OWN_PATHS.test(p.path ?? '')), [ctx.problems]);
  const variables = useMemo(() => templateVariables(pb, null), [pb]);
  const run = useMemo(() => runSoFar(pb, null), [pb]);
  const change = (path: Path, value: unknown, label: string) => {
    // Settings are always an object: clearing the last cue list leaves {} rather than nothing.
    const next = setIn(pb, path, value) as Playbook;
    ctx.edit({ ...next, settings: next.settings ?? {} }, `${label} (playbook)`);
  };
  return (
    <section className="properties-playbook" aria-labelledby="properties-title" data-testid="properties-playbook">
      <header className="properties-head">
        <p className="properties-kind">Playbook</p>
        <h2 id="properties-title">{pb.name}</h2>
        <p className="muted">Select a node on the canvas to edit it. These settings apply to the whole playbook.</p>
      </header>
      <SchemaForm
        root=""
        schema={playbookFormSchema()}
        value={pb}
        problems={problems}
        change={change}
        templateNames={Object.keys(ctx.templates).sort()}
        templates={ctx.templates}
        templateVariables={variables}
        run={run}
      />
    </section>
  );
}
