import { useState } from 'react';
import { ApiError } from '../api/client';
import { Dialog } from '../ui/Dialog';
import { rollbackTo } from './versionsApi';

/** Confirm a rollback: say exactly what happens (a new version, live now, the draft replaced) before doing it. */
export function RollbackDialog(props: {
  playbookKey: string;
  version: number | null;
  nextVersion: number;
  onClose: () => void;
  onDone: (published: number, from: number) => void;
}) {
  const { playbookKey, version, nextVersion, onClose, onDone } = props;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (busy) return;
    setError(null);
    onClose();
  };
  const confirm = async () => {
    if (version === null) return;
    setBusy(true);
    setError(null);
    try {
      const published = await rollbackTo(playbookKey, version);
      onDone(published.version, version);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 403 ? 'Only managers may roll back a playbook.' : e instanceof Error ? e.message : String(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Roll back to version ${version ?? ''}?`} open={version !== null} onClose={close} testId="rollback-dialog">
      <p>
        Version {version} is published again as <strong>version {nextVersion}</strong> and goes live now. New interactions follow it;
        interactions already running keep the version they started on.
      </p>
      <p>The draft is replaced by version {version}&apos;s graph: changes in the draft that were not published are lost.</p>
      {error && (
        <p className="note" role="alert" data-testid="rollback-error">
          {error}
        </p>
      )}
      <div className="versions-actions">
        <button type="button" className="button-quiet" onClick={close} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button" data-testid="rollback-confirm" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Rolling back…' : `Publish v${version} as v${nextVersion}`}
        </button>
      </div>
    </Dialog>
  );
}
