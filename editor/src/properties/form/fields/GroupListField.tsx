import type { FieldProps } from '../SchemaField';
import { initialValue } from '../SchemaField';
import { GroupFields } from './GroupFields';
import { useFormEnv } from '../FormEnv';

const singular = (label: string) => label.replace(/s$/, '').toLowerCase();

/** A list of objects (an escalation ladder, crisis topics): one group per item; add, remove, reorder. */
export function GroupListField({ path, schema, value, label }: FieldProps) {
  const env = useFormEnv();
  const items = Array.isArray(value) ? value : [];
  const itemSchema = schema.items ?? {};
  const one = singular(label);
  const set = (next: unknown[], what: string) => env.change(path, next, what);
  const move = (i: number, by: number) => {
    const next = [...items];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    set(next, `Move ${one} ${i + 1} ${by < 0 ? 'up' : 'down'}`);
  };
  const canAdd = schema.maxItems === undefined || items.length < schema.maxItems;
  const canRemove = items.length > (schema.minItems ?? 0);
  return (
    <div className="group-list">
      {items.length === 0 && <p className="muted">None yet.</p>}
      <ol className="group-items">
        {items.map((item, i) => (
          <li key={i} className="group-item" aria-label={`${label} ${i + 1}`}>
            <div className="group-item-head">
              <strong>
                {one[0].toUpperCase() + one.slice(1)} {i + 1}
              </strong>
              <span className="group-item-actions">
                <button
                  type="button"
                  className="button button-small"
                  disabled={i === 0}
                  onClick={() => move(i, -1)}
                  aria-label={`Move ${one} ${i + 1} up`}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={i === items.length - 1}
                  onClick={() => move(i, 1)}
                  aria-label={`Move ${one} ${i + 1} down`}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button button-small"
                  disabled={!canRemove}
                  title={canRemove ? undefined : `At least ${schema.minItems}`}
                  onClick={() =>
                    set(
                      items.filter((_, j) => j !== i),
                      `Remove ${one} ${i + 1}`,
                    )
                  }
                  aria-label={`Remove ${one} ${i + 1}`}
                >
                  Remove
                </button>
              </span>
            </div>
            <GroupFields path={[...path, String(i)]} schema={itemSchema} value={item} />
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button button-small"
        disabled={!canAdd}
        onClick={() => set([...items, initialValue(itemSchema)], `Add a ${one}`)}
      >
        Add a {one}
      </button>
    </div>
  );
}
