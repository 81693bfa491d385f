import './playbooks.css';
import { api, ApiError } from '../api/client';
import { Link } from '../app/router';
import { Empty, ErrorState, Loading } from '../ui/states';
import { useAsync } from '../ui/useAsync';
import { templateSources } from './playbooksApi';
import { Workbench } from './workbench/Workbench';

/** `/playbooks/:key`: the playbook's workbench (its draft on the editable canvas). */
export function PlaybookViewPage({ playbookKey }: { playbookKey: string }) {
  const [state, reload] = useAsync(
    async (signal) => {
      // Templates only sharpen validation; a playbook opens without them.
      const [detail, templates] = await Promise.all([api.playbooks.get(playbookKey, signal), templateSources(signal).catch(() => null)]);
      return { detail, templates };
    },
    [playbookKey],
  );

  return (
    <main className="page page-wide" aria-labelledby="playbook-title">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to="/">Playbooks</Link> <span aria-hidden="true">/</span>{' '}
        <span>{state.status === 'ready' ? state.data.detail.name : playbookKey}</span>
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
      {state.status === 'ready' && <Workbench detail={state.data.detail} templates={state.data.templates} />}
    </main>
  );
}
