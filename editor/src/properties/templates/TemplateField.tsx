import { MonacoField } from '../../monaco/MonacoField';
import { HANDLEBARS } from '../../monaco/handlebars';
import type { FieldProps } from '../form/SchemaField';
import { useDescribedBy } from '../form/FieldShell';
import { useFormEnv } from '../form/FormEnv';
import { useDraftValue } from '../form/useDraftValue';
import { TemplatePreview } from './TemplatePreview';

/** An inline Handlebars template (an agent prompt, a notification): highlighted, completed, previewed live. */
export function TemplateField({ path, schema, value, label, required }: FieldProps) {
  const env = useFormEnv();
  const { id, describedBy } = useDescribedBy(path, schema);
  const [text, setText, flush] = useDraftValue(typeof value === 'string' ? value : '', (next) =>
    env.change(path, next === '' && !required ? undefined : next, `Edit ${label.toLowerCase()}`),
  );
  return (
    <>
      <MonacoField
        id={id}
        value={text}
        onChange={setText}
        onBlur={flush}
        language={HANDLEBARS}
        ariaLabel={label}
        describedBy={describedBy}
        variables={env.templateVariables}
        placeholder="Type {{ for the customer's name, the message…"
        testId={`template-editor-${path.join('.')}`}
      />
      <TemplatePreview source={text} run={env.run} />
    </>
  );
}
