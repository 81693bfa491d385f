import { useState } from 'react';
import { templateError } from '@firebreak/engine';
import { MonacoField } from '../../monaco/MonacoField';
import { HANDLEBARS } from '../../monaco/handlebars';
import { useFormEnv } from '../form/FormEnv';
import { TemplatePreview } from './TemplatePreview';
import { saveTemplate, savedSources } from './templateApi';

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved' } | { status: 'error'; message: string };

/**
 * A stored template's source, edited in place: highlighted, completed with what this node
 * can use, previewed live, saved for every playbook that uses it (`PUT /api/templates/:name`).
 */
export function StoredTemplateEditor({ name }: { name: string }) {
  const env = useFormEnv();
  const stored = savedSources.get(name) ?? env.templates[name] ?? '';
  const [source, setSource] = useState(stored);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const dirty = source !== stored;
  const compileError = templateError(source);
  const onSave = () => {
    setSave({ status: 'saving' });
    saveTemplate(name, source).then(
      () => setSave({ status: 'saved' }),
      (e: Error) => setSave({ status: 'error', message: e.message }),
    );
  };
  return (
    <div className="stored-template" data-testid={`stored-template-${name}`}>
      <MonacoField
        id={`template-source-${name}`}
        value={source}
        onChange={(text) => {
          setSource(text);
          setSave({ status: 'idle' });
        }}
        language={HANDLEBARS}
        ariaLabel={`Template ${name}`}
        variables={env.templateVariables}
        testId={`template-editor-${name}`}
      />
      <TemplatePreview source={source} run={env.run} />
      <div className="row stored-template-actions">
        <button type="button" className="button button-small" disabled={!dirty || !!compileError || save.status === 'saving'} onClick={onSave}>
          {save.status === 'saving' ? 'Saving…' : `Save template “${name}”`}
        </button>
        {dirty && (
          <button type="button" className="button button-small button-quiet" onClick={() => setSource(stored)}>
            Discard changes
          </button>
        )}
        <span role="status" className="muted">
          {save.status === 'saved' && 'Saved: every playbook using it sends the new text.'}
          {save.status === 'error' && <span className="field-errors">Not saved: {save.message}</span>}
          {save.status === 'idle' && dirty && 'Shared by every playbook that uses it.'}
        </span>
      </div>
    </div>
  );
}
