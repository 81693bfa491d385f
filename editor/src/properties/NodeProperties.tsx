import { useMemo } from 'react';
import { catalog, type NodeKind, type Playbook, type PlaybookNode } from '@firebreak/engine';
import type { WorkbenchContext } from '../playbooks/workbench';
import { SchemaForm } from './form/SchemaForm';
import { configSchemaOf } from './form/jsonSchema';
import { setIn, type Path } from './form/values';
import { useDraftValue } from './form/useDraftValue';
import { templateVariables, runSoFar } from './templates/variables';

/** The selected node: its label, read-only id, and the form generated from its kind's config schema. */
export function NodeProperties({ ctx, node }: { ctx: WorkbenchContext; node: PlaybookNode }) {
  const spec = catalog[node.kind as NodeKind];
  const schema = configSchemaOf(node.kind as NodeKind);
  const problems = useMemo(() => ctx.problems.filter((p) => p.nodeId === node.id), [ctx.problems, node.id]);
  const configProblems = useMemo(() => problems.filter((p) => p.path === 'config' || p.path?.startsWith('config.')), [problems]);
  const nodeProblems = problems.filter((p) => !configProblems.includes(p));
  const variables = useMemo(() => templateVariables(ctx.playbook, node.id), [ctx.playbook, node.id]);
  const run = useMemo(() => runSoFar(ctx.playbook, node.id), [ctx.playbook, node.id]);
  const name = node.label || spec.label;

  const update = (change: (n: PlaybookNode) => PlaybookNode, label: string) => {
    const next: Playbook = { ...ctx.playbook, nodes: ctx.playbook.nodes.map((n) => (n.id === node.id ? change(n) : n)) };
    ctx.edit(next, label);
  };
  const changeConfig = (path: Path, value: unknown, label: string) =>
    update((n) => ({ ...n, config: setIn(n.config, path, value) as PlaybookNode['config'] }), `${label} (${name})`);

  return (
    <section className="properties-node" aria-labelledby="properties-title" data-testid="properties-node" data-node-id={node.id}>
      <header className="properties-head">
        <p className="properties-kind">
          {spec.group === 'entry' ? 'Entry' : spec.group === 'decision' ? 'Decision' : 'Action'} · {spec.category}
        </p>
        <h2 id="properties-title">{spec.label}</h2>
        <p className="muted">{spec.description}</p>
      </header>
      <LabelField
        node={node}
        fallback={spec.label}
        onChange={(label) => update((n) => withLabel(n, label), `Rename ${name} to ${label || spec.label}`)}
      />
      <div className="field">
        <span className="field-label" id="node-id-label">
          ID
        </span>
        <code aria-labelledby="node-id-label" data-testid="node-id">
          {node.id}
        </code>
        {/* Ids are stable across versions: the diff, recorded paths and live counts refer to them. */}
        <p className="field-help">Fixed: versions, diffs and the paths of past interactions refer to it.</p>
      </div>
      {nodeProblems.length > 0 && (
        <ul className="field-errors node-problems" aria-label="Problems of this node" data-testid="node-problems">
          {nodeProblems.map((p, i) => (
            <li key={i} className={p.severity === 'warning' ? 'is-warning' : undefined}>
              {p.message}
            </li>
          ))}
        </ul>
      )}
      <h3 className="properties-section">Settings</h3>
      <SchemaForm
        key={node.id}
        root="config"
        schema={schema}
        value={node.config}
        problems={configProblems}
        change={changeConfig}
        templateNames={Object.keys(ctx.templates).sort()}
        templates={ctx.templates}
        templateVariables={variables}
        run={run}
        empty={<p className="muted">Nothing to set: a {spec.label.toLowerCase()} node decides from the message analysis alone.</p>}
      />
    </section>
  );
}

function withLabel(n: PlaybookNode, label: string): PlaybookNode {
  const { label: _old, ...rest } = n;
  void _old;
  return label.trim() ? { ...rest, label: label.trim() } : rest;
}

function LabelField({ node, fallback, onChange }: { node: PlaybookNode; fallback: string; onChange(label: string): void }) {
  const [text, setText, flush] = useDraftValue(node.label ?? '', onChange);
  return (
    <div className="field">
      <label htmlFor="node-label">Label</label>
      <input
        id="node-label"
        className="input"
        type="text"
        maxLength={120}
        value={text}
        placeholder={fallback}
        aria-describedby="node-label-help"
        onChange={(e) => setText(e.target.value)}
        onBlur={flush}
        onKeyDown={(e) => e.key === 'Enter' && flush()}
      />
      <p className="field-help" id="node-label-help">
        What the card on the canvas says.
      </p>
    </div>
  );
}
