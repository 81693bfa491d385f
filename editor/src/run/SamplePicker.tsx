import { useEffect, useId, useState } from 'react';
import { Empty, ErrorState, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { formatDateTime } from '../ui/format';
import type { SampleThread } from '@firebreak/engine';
import { fetchSampleThreads } from './samplesApi';

const LIMIT = 20;

/** Real customer-care threads (TWCS) to test with: search the customers' tweets, pick one. */
export function SamplePicker({ onPick }: { onPick: (thread: SampleThread) => void }) {
  const id = useId();
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  // Ask the server once the manager stops typing, not on every key.
  useEffect(() => {
    const t = setTimeout(() => setSearch(query), 250);
    return () => clearTimeout(t);
  }, [query]);
  const [state, reload] = useAsync((signal) => fetchSampleThreads(search, LIMIT, signal), [search]);

  return (
    <div className="run-samples" data-testid="run-samples">
      <label htmlFor={`${id}-q`}>Search the demo threads</label>
      <input
        id={`${id}-q`}
        type="search"
        data-testid="run-sample-search"
        value={query}
        placeholder="refund, broken, delivery…"
        onChange={(e) => setQuery(e.target.value)}
      />
      {state.status === 'loading' && <Loading what="demo threads" />}
      {state.status === 'error' && <ErrorState title="The demo threads could not be loaded" error={state.error} onRetry={reload} />}
      {state.status === 'ready' &&
        (state.data.threads.length === 0 ? (
          <Empty title={state.data.message ? 'No demo data' : 'No thread matches'}>
            {state.data.message ?? `No customer wrote “${search}” in the demo threads. Try another word, or type a message instead.`}
          </Empty>
        ) : (
          <>
            <p className="muted small" aria-live="polite">
              {state.data.total > LIMIT ? `The first ${LIMIT} of ${state.data.total} threads` : `${state.data.total} threads`} (real tweets
              from the TWCS data set)
            </p>
            <ul className="run-sample-list">
              {state.data.threads.map((t) => (
                <li key={t.id}>
                  <button type="button" className="run-sample" data-testid={`run-sample-${t.id}`} onClick={() => onPick(t)}>
                    <span className="run-sample-text">{t.text}</span>
                    <span className="muted small">
                      {t.brand ? `to ${t.brand} · ` : ''}
                      {formatDateTime(t.receivedAt)} · {t.messages.length} tweets
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        ))}
    </div>
  );
}
