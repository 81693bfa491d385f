import './playbooks.css';
import { useState } from 'react';
import { api, ApiError, type PlaybookDetail } from '../api/client';
import { Link } from '../app/router';
import { Empty, ErrorState, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { formatDateTime } from '../ui/format';
import { PlaybookCanvas } from './canvas/PlaybookCanvas';
import { LiveBadge } from './LiveBadge';
import { ProblemList } from './ProblemList';

/** `/playbooks/:key`: the draft on a read-only canvas, its problems and the live version. */
export function PlaybookViewPage({ playbookKey }: { playbookKey: string }) {
  const [state, reload] = useAsync((signal) => api.playbooks.get(playbookKey, signal), [playbookKey]);

  return (
    <main className="page page-wide" aria-labelledby="playbook-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/">Playbooks</Link> <span aria-hidden="true">/</span>{' '}
        <span>{state.status === 'ready' ? state.data.name : playbookKey}</span>
      </nav>
      {state.status === 'loading' && <Loading what="the playbook" />}
      {state.status === 'error' &&
        (state.error instanceof ApiError && state.error.notFound ? (
          <Empty title={`No playbook "${playbookKey}"`}>
            It may have been renamed or never imported. <Link to="/">Back to the playbooks</Link>
          </Empty>
        ) : (
          <ErrorState title="The playbook could not be loaded" error={state.error} onRetry={reload} />
        ))}
      {state.status === 'ready' && <PlaybookView playbook={state.data} />}
    </main>
  );
}

function PlaybookView({ playbook }: { playbook: PlaybookDetail }) {
  const [focus, setFocus] = useState<string | null>(null);
  const { draft, problems } = playbook;
  const live = playbook.liveVersion;

  return (
    <>
      <header className="page-header row">
        <h1 id="playbook-title">{playbook.name}</h1>
        <LiveBadge live={live} />
      </header>
      <div className="workspace">
        {draft.nodes.length === 0 ? (
          <div className="canvas">
            <Empty title="This draft has no nodes yet">Every playbook begins with a Start node.</Empty>
          </div>
        ) : (
          <PlaybookCanvas playbook={draft} problems={problems} focusNodeId={focus} />
        )}
        <aside className="sidebar">
          <section className="panel" aria-labelledby="about-title">
            <h2 id="about-title">About</h2>
            {playbook.description && <p className="description">{playbook.description}</p>}
            <dl className="facts">
              <dt>Key</dt>
              <dd>
                <code>{playbook.key}</code>
              </dd>
              <dt>Live version</dt>
              <dd>
                {live ? (
                  <>
                    <strong data-testid="live-version-number">v{live.version}</strong>{' '}
                    <span className="muted">since {formatDateTime(live.since)}</span>
                  </>
                ) : (
                  <span className="muted">not published yet</span>
                )}
              </dd>
              <dt>On the canvas</dt>
              <dd>
                the draft: {draft.nodes.length} nodes, {draft.edges.length} edges
              </dd>
            </dl>
          </section>
          <ProblemList problems={problems} onFocus={setFocus} />
        </aside>
      </div>
    </>
  );
}
