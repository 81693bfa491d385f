import { useMemo } from 'react';
import { parseQuery } from '@firebreak/engine';
import { MonacoField } from '../../monaco/MonacoField';
import { QUERY } from '../../monaco/query';
import type { FieldProps } from '../form/SchemaField';
import { useDescribedBy } from '../form/FieldShell';
import { useFormEnv } from '../form/FormEnv';
import { useDraftValue } from '../form/useDraftValue';
import { QueryTester } from './QueryTester';

/**
 * A keyword query: highlighted, its parse errors underlined where they are as it is typed
 * (the engine's parser, not a copy), and tried live on a sample message.
 */
export function QueryField({ path, schema, value, label, required }: FieldProps) {
  const env = useFormEnv();
  const { id, describedBy } = useDescribedBy(path, schema);
  const [text, setText, flush] = useDraftValue(typeof value === 'string' ? value : '', (next) =>
    env.change(path, next === '' && !required ? undefined : next, `Edit ${label.toLowerCase()}`),
  );
  const errors = useMemo(() => (text.trim() ? parseQuery(text).errors : []), [text]);
  return (
    <>
      <MonacoField
        id={id}
        value={text}
        onChange={setText}
        onBlur={flush}
        language={QUERY}
        ariaLabel={label}
        describedBy={[describedBy, errors.length ? `${id}-live` : null].filter(Boolean).join(' ') || undefined}
        errors={errors}
        placeholder='e.g. refund* OR "money back"'
        maxLines={6}
        testId={`query-editor-${path.join('.')}`}
      />
      {errors.length > 0 && (
        <ul className="field-errors" id={`${id}-live`} data-testid="query-errors" role="status">
          {errors.map((e, i) => (
            <li key={i}>
              {e.message} <span className="muted">(at character {e.start + 1})</span>
            </li>
          ))}
        </ul>
      )}
      <QueryTester query={text} />
    </>
  );
}
