import { useState } from 'react';
import type { FieldProps } from '../SchemaField';
import { useDescribedBy } from '../FieldShell';
import { useFormEnv } from '../FormEnv';

/** A list of short strings (tags, skills, checklist steps): chips to remove, a box to add (Enter). */
export function ChipsField({ path, schema, value, label, required }: FieldProps) {
  const env = useFormEnv();
  const { id, describedBy, invalid } = useDescribedBy(path, schema);
  const items = Array.isArray(value) ? value.map(String) : Array.isArray(schema.default) ? schema.default.map(String) : [];
  const [draft, setDraft] = useState('');
  const set = (next: string[], what: string) => env.change(path, next, what);
  const add = () => {
    const text = draft.trim();
    if (!text) return;
    set([...items, text], `Add "${text}" to ${label.toLowerCase()}`);
    setDraft('');
  };
  const errorsAt = (i: number) => env.problems.get([...path, String(i)].join('.'))?.length;
  return (
    <div className="chips" aria-invalid={invalid || undefined}>
      <ul className="chip-list" aria-label={label}>
        {items.map((item, i) => (
          <li key={`${i}-${item}`} className={`chip${errorsAt(i) ? ' chip-error' : ''}`}>
            <span>{item}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove ${item}`}
              onClick={() =>
                set(
                  items.filter((_, j) => j !== i),
                  `Remove "${item}" from ${label.toLowerCase()}`,
                )
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="chip-add">
        <input
          id={id}
          className="input"
          type="text"
          value={draft}
          placeholder={items.length === 0 && required ? 'Type and press Enter (at least one)' : 'Type and press Enter'}
          aria-describedby={describedBy}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" className="button button-small" onClick={add} disabled={!draft.trim()}>
          Add
        </button>
      </div>
    </div>
  );
}
