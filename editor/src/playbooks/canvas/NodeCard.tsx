import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { outcomeLabel, type PlaybookFlowNode } from './toFlow';

/**
 * One node on the canvas: the kind (from the catalog), the node's own label, and one
 * labelled source handle per outcome the kind offers for this config.
 */
function NodeCardImpl({ data, selected }: NodeProps<PlaybookFlowNode>) {
  const { node, spec, outcomes, problems } = data;
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const classes = ['node-card', `group-${spec.group}`, selected ? 'is-selected' : '', errors ? 'has-errors' : ''].filter(Boolean).join(' ');

  return (
    <div className={classes} data-testid={`node-${node.id}`} data-kind={node.kind} title={spec.description}>
      {spec.group !== 'entry' && <Handle type="target" position={Position.Top} isConnectable={false} className="handle-in" />}
      <div className="node-kind">
        <span className="node-kind-label">{spec.label}</span>
        {problems.length > 0 && (
          <span
            className={`node-badge ${errors ? 'badge-error' : 'badge-warning'}`}
            data-testid={`node-${node.id}-problems`}
            aria-label={`${errors} errors, ${warnings} warnings`}
          >
            {problems.length}
          </span>
        )}
      </div>
      <div className="node-label">{node.label || <span className="muted">{node.id}</span>}</div>
      {outcomes.length > 0 && (
        <div className="node-outcomes">
          {outcomes.map((o) => (
            <div
              key={o.name}
              className={['outcome', o.connected ? 'is-connected' : '', o.ends ? 'is-end' : '', o.unknown ? 'is-unknown' : '']
                .filter(Boolean)
                .join(' ')}
              data-testid={`handle-${node.id}-${o.name}`}
              title={o.unknown ? `"${o.name}" is not an outcome of ${spec.label}` : o.ends ? `${o.name}: ends the run` : o.name}
            >
              {outcomeLabel(o.name)}
              <Handle type="source" id={o.name} position={Position.Bottom} isConnectable={false} className="handle-out" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const NodeCard = memo(NodeCardImpl);

export const nodeTypes = { playbook: NodeCard };
