import { useId, useMemo, useState } from 'react';
import { testQuery } from './testQuery';

// The sample text survives switching nodes: a manager tries one message against several queries.
let lastSample = '';

/** A live "matches / does not match" of the query against text the manager types, term by term. */
export function QueryTester({ query }: { query: string }) {
  const [sample, setSample] = useState(lastSample);
  const id = useId();
  const result = useMemo(() => (sample.trim() ? testQuery(query, sample) : null), [query, sample]);
  return (
    <div className="query-tester" data-testid="query-tester">
      <label htmlFor={id} className="query-tester-label">
        Try it on a message
      </label>
      <textarea
        id={id}
        className="input"
        rows={2}
        value={sample}
        placeholder="Paste or type a message, e.g. I will take legal action if this is not fixed"
        onChange={(e) => {
          lastSample = e.target.value;
          setSample(e.target.value);
        }}
        data-testid="query-sample"
      />
      <div aria-live="polite">
        {result && result.matches === null && (
          <p className="muted">{query.trim() ? 'Fix the query to try it.' : 'Write a query to try it.'}</p>
        )}
        {result && result.matches !== null && (
          <>
            <p className={`query-verdict ${result.matches ? 'is-match' : 'is-no-match'}`} data-testid="query-verdict">
              {result.matches ? '✓ Matches' : '✗ Does not match'}
            </p>
            <ul className="query-terms" aria-label="Terms" data-testid="query-terms">
              {result.terms.map((t, i) => (
                <li
                  key={i}
                  className={`query-term${t.found ? ' is-found' : ''}${t.negated ? ' is-negated' : ''}`}
                  data-found={t.found}
                  title={t.negated ? 'Under NOT: finding it prevents a match' : undefined}
                >
                  <code>{t.text}</code> {t.found ? (t.negated ? 'found (excluded)' : 'found') : 'not found'}
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </div>
  );
}
