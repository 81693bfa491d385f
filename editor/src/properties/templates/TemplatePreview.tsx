import { useId, useMemo, useState } from 'react';
import { renderTemplate, templateError } from '@firebreak/engine';
import { SAMPLES, sampleContext, type RunSoFar } from './samples';

// The chosen sample survives switching nodes and fields.
let lastSample = SAMPLES[0].id;

/**
 * The template rendered live on a sample interaction, with the engine's Handlebars
 * environment and context mapping: what the customer (or agent) would read.
 */
export function TemplatePreview({ source, run }: { source: string; run: RunSoFar }) {
  const [sampleId, setSampleId] = useState(lastSample);
  const id = useId();
  const sample = SAMPLES.find((s) => s.id === sampleId) ?? SAMPLES[0];
  const result = useMemo(() => {
    const problem = templateError(source);
    if (problem) return { error: problem };
    try {
      return { text: renderTemplate(source, sampleContext(sample, run)) };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [source, sample, run]);
  return (
    <div className="template-preview" data-testid="template-preview">
      <div className="template-preview-head">
        <label htmlFor={id}>Preview on</label>
        <select
          id={id}
          className="input"
          value={sample.id}
          onChange={(e) => {
            lastSample = e.target.value;
            setSampleId(e.target.value);
          }}
        >
          {SAMPLES.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </select>
      </div>
      <blockquote className="template-preview-message muted">“{sample.interaction.text}”</blockquote>
      <div aria-live="polite">
        {'error' in result ? (
          <p className="field-errors template-error" role="status" data-testid="template-error">
            {result.error}
          </p>
        ) : (
          <p className="template-preview-output" data-testid="template-preview-output">
            {result.text || <span className="muted">(renders as nothing)</span>}
          </p>
        )}
      </div>
    </div>
  );
}
