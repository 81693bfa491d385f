import { DURATION_PATTERN } from '@firebreak/engine';
import type { FieldProps } from '../SchemaField';
import { useDescribedBy } from '../FieldShell';
import { useFormEnv } from '../FormEnv';
import { useDraftValue } from '../useDraftValue';

const UNITS = [
  ['s', 'seconds'],
  ['m', 'minutes'],
  ['h', 'hours'],
  ['d', 'days'],
] as const;

/** The engine's duration ("15m", "2h"): an amount and a unit, so nobody has to know the notation. */
export function DurationField({ path, schema, value, label, required }: FieldProps) {
  const env = useFormEnv();
  const { id, describedBy, invalid } = useDescribedBy(path, schema);
  const current = typeof value === 'string' ? value : typeof schema.default === 'string' ? schema.default : '';
  const m = DURATION_PATTERN.exec(current.trim());
  const unit = m?.[2] ?? 'm';
  const commit = (amount: string, u: string) => {
    if (amount.trim() === '') return env.change(path, required ? '' : undefined, `Clear ${label.toLowerCase()}`);
    env.change(path, `${amount.trim()}${u}`, `Set ${label.toLowerCase()} to ${amount.trim()}${u}`);
  };
  const [amount, setAmount, flush] = useDraftValue(m ? m[1] : typeof value === 'string' ? value : '', (a) => commit(a, unit));
  return (
    <div className="duration">
      <input
        id={id}
        className="input input-number"
        type="text"
        inputMode="decimal"
        aria-label={`${label}: amount`}
        value={amount}
        placeholder={typeof schema.default === 'string' ? (DURATION_PATTERN.exec(schema.default)?.[1] ?? '') : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        onChange={(e) => setAmount(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => e.key === 'Enter' && flush()}
      />
      <select
        className="input"
        aria-label={`${label}: unit`}
        value={unit}
        onChange={(e) => commit(amount || (m?.[1] ?? '1'), e.target.value)}
      >
        {UNITS.map(([u, name]) => (
          <option key={u} value={u}>
            {name}
          </option>
        ))}
      </select>
    </div>
  );
}
