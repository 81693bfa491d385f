import { useState } from 'react';
import { playbookSchema } from '@firebreak/engine';
import { ApiError } from '../api/client';
import { navigate } from '../app/router';
import { Dialog } from '../ui/Dialog';
import { starterPlaybook } from './graph/ops';
import { createPlaybook } from './playbooksApi';

/** "Social care (EMEA)" → "social-care-emea": a key suggested from the name. */
export const keyFromName = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

const keyShape = playbookSchema.shape.key;

/** Name a new playbook; it starts as a draft with a Start node leading to an End node. */
export function NewPlaybookDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const [keyTouched, setKeyTouched] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const effectiveKey = keyTouched ? key : keyFromName(name);
  const keyCheck = keyShape.safeParse(effectiveKey);
  const keyError = effectiveKey && !keyCheck.success ? keyCheck.error.issues[0]?.message : null;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await createPlaybook(starterPlaybook(effectiveKey, name.trim()));
      onClose();
      navigate(`/playbooks/${encodeURIComponent(effectiveKey)}`);
    } catch (e) {
      setError(
        e instanceof ApiError && e.status === 409
          ? `A playbook with the key "${effectiveKey}" already exists; choose another key.`
          : e instanceof Error
            ? e.message
            : String(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="New playbook" open={open} onClose={onClose} testId="new-playbook">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="form-field">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={200}
            autoFocus
            data-testid="new-playbook-name"
            placeholder="e.g. Crisis triage"
          />
        </label>
        <label className="form-field">
          Key
          <input
            value={effectiveKey}
            onChange={(e) => {
              setKeyTouched(true);
              setKey(e.target.value);
            }}
            required
            aria-invalid={!!keyError}
            aria-describedby="new-playbook-key-hint"
            data-testid="new-playbook-key"
          />
          <span className="hint" id="new-playbook-key-hint">
            {keyError ?? 'Lowercase letters, digits and dashes; used in links and the api. It cannot change later.'}
          </span>
        </label>
        {error && (
          <p className="form-error" role="alert" data-testid="new-playbook-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" className="button button-secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button" disabled={busy || !name.trim() || !keyCheck.success} data-testid="new-playbook-create">
            {busy ? 'Creating…' : 'Create'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
