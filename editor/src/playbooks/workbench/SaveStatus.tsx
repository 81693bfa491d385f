import type { SaveStatus as Status } from './useAutosave';

/** "Saving… / Saved / Save failed – retry": the draft's state on the server, always in view. */
export function SaveStatus({ status, onRetry }: { status: Status; onRetry: () => void }) {
  if (status.state === 'failed')
    return (
      <span className="save-status is-failed" role="alert" data-testid="save-status" data-state="failed" title={status.error}>
        Save failed – your edits are kept here.{' '}
        <button type="button" className="link" onClick={onRetry}>
          Retry
        </button>
      </span>
    );
  const text = status.state === 'saved' ? 'Saved' : status.state === 'saving' ? 'Saving…' : 'Unsaved changes';
  return (
    <span className={`save-status is-${status.state}`} role="status" aria-live="polite" data-testid="save-status" data-state={status.state}>
      {text}
    </span>
  );
}
