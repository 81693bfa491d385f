import { useState } from 'react';
import { catalog, type Playbook } from '@firebreak/engine';
import { Dialog } from '../../ui/Dialog';
import { connect, disconnect, setEnds } from '../graph/ops';
import { outcomeLabel } from './toFlow';

export interface OutcomeTarget {
  nodeId: string;
  outcome: string;
}

/**
 * Where one outcome leads, without a mouse: pick the next node, or say the run ends here.
 * The same edits as dragging a connection on the canvas.
 */
export function OutcomeDialog(props: {
  playbook: Playbook;
  target: OutcomeTarget | null;
  onClose: () => void;
  edit: (next: Playbook, label: string) => void;
}) {
  const { target, onClose } = props;
  return (
    <Dialog
      title={target ? `Outcome "${outcomeLabel(target.outcome)}" of ${target.nodeId}` : ''}
      open={!!target}
      onClose={onClose}
      testId="outcome-dialog"
    >
      {target && <OutcomeForm key={`${target.nodeId}/${target.outcome}`} {...props} target={target} />}
    </Dialog>
  );
}

function OutcomeForm({
  playbook,
  target,
  onClose,
  edit,
}: {
  playbook: Playbook;
  target: OutcomeTarget;
  onClose: () => void;
  edit: (next: Playbook, label: string) => void;
}) {
  const { nodeId, outcome } = target;
  const node = playbook.nodes.find((n) => n.id === nodeId);
  const current = playbook.edges.find((e) => e.source === nodeId && e.sourceHandle === outcome)?.target ?? '';
  const ends = node?.ends?.includes(outcome) ?? false;
  const [choice, setChoice] = useState<string>(ends ? '__end' : current);
  const candidates = playbook.nodes.filter((n) => n.kind !== 'start');

  const apply = () => {
    if (choice === '__end') edit(setEnds(playbook, nodeId, outcome, true), `End the run at ${nodeId} ${outcome}`);
    else if (choice === '') edit(disconnect(playbook, nodeId, outcome), `Disconnect ${nodeId} ${outcome}`);
    else edit(connect(playbook, nodeId, outcome, choice), `Connect ${nodeId} ${outcome} → ${choice}`);
    onClose();
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <label className="form-field">
        Leads to
        <select value={choice} onChange={(e) => setChoice(e.target.value)} data-testid="outcome-target" autoFocus>
          <option value="">— nowhere yet —</option>
          <option value="__end">The run ends here</option>
          {candidates.map((n) => (
            <option key={n.id} value={n.id}>
              {n.label ? `${n.label} (${n.id})` : n.id} · {catalog[n.kind].label}
            </option>
          ))}
        </select>
        <span className="hint">Every outcome must lead to a node or end the run before the playbook can be published.</span>
      </label>
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button" data-testid="outcome-apply">
          Apply
        </button>
      </div>
    </form>
  );
}
