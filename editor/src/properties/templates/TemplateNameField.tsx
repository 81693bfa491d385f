import { useState } from 'react';
import type { FieldProps } from '../form/SchemaField';
import { useDescribedBy } from '../form/FieldShell';
import { domId, useFormEnv } from '../form/FormEnv';
import { StoredTemplateEditor } from './StoredTemplateEditor';

/** Pick a stored template by name; "Edit" opens its source with completion and a live preview. */
export function TemplateNameField({ path, schema, value, label, required }: FieldProps) {
  const env = useFormEnv();
  const { id, describedBy, invalid } = useDescribedBy(path, schema);
  const name = typeof value === 'string' ? value : '';
  return (
    <TemplatePicker
      id={id}
      name={name}
      describedBy={describedBy}
      invalid={invalid}
      allowNone={!required}
      onPick={(next) => env.change(path, next || undefined, `Use template ${next || 'none'} for ${label.toLowerCase()}`)}
    />
  );
}

/** A list of template names (holding variants, suggested replies): one picker per entry. */
export function TemplateNamesField({ path, schema, value, label }: FieldProps) {
  const env = useFormEnv();
  const names = Array.isArray(value) ? value.map(String) : [];
  const set = (next: string[], what: string) => env.change(path, next, what);
  const canAdd = schema.maxItems === undefined || names.length < schema.maxItems;
  const canRemove = names.length > (schema.minItems ?? 0);
  return (
    <div className="template-names">
      {names.length === 0 && <p className="muted">None yet.</p>}
      <ol className="group-items">
        {names.map((n, i) => (
          <li key={i} className="template-names-item">
            <TemplatePicker
              id={`${domId(env, path)}-${i}`}
              name={n}
              ariaLabel={`${label} ${i + 1}`}
              invalid={!!env.problems.get([...path, String(i)].join('.'))?.length}
              onPick={(next) => set(names.map((x, j) => (j === i ? next : x)), `Use template ${next} in ${label.toLowerCase()}`)}
              onRemove={canRemove ? () => set(names.filter((_, j) => j !== i), `Remove ${n} from ${label.toLowerCase()}`) : undefined}
            />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        disabled={!canAdd || env.templateNames.length === 0}
        onClick={() => set([...names, env.templateNames.find((t) => !names.includes(t)) ?? env.templateNames[0]], `Add to ${label.toLowerCase()}`)}
      >
        Add a template
      </button>
    </div>
  );
}

interface PickerProps {
  id: string;
  name: string;
  describedBy?: string;
  ariaLabel?: string;
  invalid: boolean;
  allowNone?: boolean;
  onPick(name: string): void;
  onRemove?(): void;
}

function TemplatePicker({ id, name, describedBy, ariaLabel, invalid, allowNone, onPick, onRemove }: PickerProps) {
  const env = useFormEnv();
  const [open, setOpen] = useState(false);
  const known = env.templateNames.includes(name);
  return (
    <div className="template-picker">
      <div className="row">
        <select
          id={id}
          className="input"
          value={name}
          aria-label={ariaLabel}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(e) => onPick(e.target.value)}
        >
          {(allowNone || !name) && <option value="">{allowNone ? '— none —' : 'Choose a template…'}</option>}
          {name && !known && <option value={name}>{name} (missing)</option>}
          {env.templateNames.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        {known && (
          <button type="button" className="button button-small" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Close' : 'Edit'}
          </button>
        )}
        {onRemove && (
          <button type="button" className="button button-small" aria-label={`Remove ${name || 'this template'}`} onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      {open && known && <StoredTemplateEditor key={name} name={name} />}
    </div>
  );
}
