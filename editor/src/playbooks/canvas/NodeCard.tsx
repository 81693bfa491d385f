import { memo, useContext } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { CanvasActionsContext } from './actions';
import { outcomeLabel, type OutcomeHandle, type PlaybookFlowNode } from './toFlow';

/**
 * One node on the canvas: the kind (from the catalog), the node's own label, its key settings,
 * a problem badge (count, worst severity), an overlay's tone and badge, and one labelled
 * source handle per outcome the kind offers for this config, in the kind's order.
 */
function NodeCardImpl({ data, selected }: NodeProps<PlaybookFlowNode>) {
  const { node, spec, outcomes, problems, summary, overlay, ghost } = data;
  const actions = useContext(CanvasActionsContext);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const editable = !actions.readOnly && !ghost;
  const classes = [
    'node-card',
    `group-${spec.group}`,
    selected ? 'is-selected' : '',
    errors ? 'has-errors' : '',
    overlay?.tone ? `tone-${overlay.tone}` : '',
    ghost ? 'is-ghost' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      className={classes}
      data-testid={`node-${node.id}`}
      data-kind={node.kind}
      data-tone={overlay?.tone}
      title={overlay?.title ?? spec.description}
    >
      {spec.group !== 'entry' && (
        <Handle type="target" position={Position.Left} isConnectable={editable} isConnectableStart={false} className="handle-in" />
      )}
      <div className="node-kind">
        <span className="node-kind-label">{spec.label}</span>
        <span className="node-badges">
          {overlay?.badge && (
            <span className="node-overlay-badge" data-testid={`node-${node.id}-overlay`}>
              {overlay.badge}
            </span>
          )}
          {problems.length > 0 && (
            <span
              className={`node-badge ${errors ? 'badge-error' : 'badge-warning'}`}
              data-testid={`node-${node.id}-problems`}
              data-severity={errors ? 'error' : 'warning'}
              title={problems.map((p) => p.message).join('\n')}
              aria-label={`${errors} errors, ${warnings} warnings`}
            >
              {problems.length}
            </span>
          )}
        </span>
      </div>
      <div className="node-label">{node.label || <span className="muted">{node.id}</span>}</div>
      {summary && (
        <div className="node-summary" data-testid={`node-${node.id}-summary`}>
          {summary}
        </div>
      )}
      {outcomes.length > 0 && (
        <div className="node-outcomes">
          {outcomes.map((o) => (
            <Outcome key={o.name} nodeId={node.id} kindLabel={spec.label} outcome={o} editable={editable} onOpen={actions.openOutcome} />
          ))}
        </div>
      )}
    </div>
  );
}

function Outcome(props: {
  nodeId: string;
  kindLabel: string;
  outcome: OutcomeHandle;
  editable: boolean;
  onOpen: (nodeId: string, outcome: string) => void;
}) {
  const { nodeId, kindLabel, outcome: o, editable, onOpen } = props;
  const state = o.unknown ? 'not an outcome of this kind' : o.ends ? 'ends the run' : o.connected ? 'connected' : 'leads nowhere yet';
  return (
    <div
      className={['outcome', o.connected ? 'is-connected' : '', o.ends ? 'is-end' : '', o.unknown ? 'is-unknown' : '']
        .filter(Boolean)
        .join(' ')}
      data-testid={`handle-${nodeId}-${o.name}`}
      title={o.unknown ? `"${o.name}" is not an outcome of ${kindLabel}` : `${o.name}: ${state}`}
    >
      {editable ? (
        <button
          type="button"
          className="outcome-label nodrag"
          aria-label={`Outcome ${outcomeLabel(o.name)} of ${nodeId}: ${state}. Connect it or end the run here`}
          onClick={(e) => {
            e.stopPropagation();
            onOpen(nodeId, o.name);
          }}
        >
          {outcomeLabel(o.name)}
        </button>
      ) : (
        outcomeLabel(o.name)
      )}
      <Handle
        type="source"
        id={o.name}
        position={Position.Right}
        isConnectable={editable}
        isConnectableEnd={false}
        className="handle-out"
      />
    </div>
  );
}

export const NodeCard = memo(NodeCardImpl);

export const nodeTypes = { playbook: NodeCard };
