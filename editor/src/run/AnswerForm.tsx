import { catalog, type PlaybookNode } from '@firebreak/engine';
import { optionsFor, valueOf, type AnswerChoice, type Answers } from './answers';

/** What each person (or the customer, or the clock) does at the nodes that wait: the test run's script. */
export function AnswerForm({
  nodes,
  answers,
  replies,
  onChange,
  visited,
}: {
  nodes: PlaybookNode[];
  answers: Answers;
  replies: string[];
  onChange: (next: Answers) => void;
  /** Nodes the last run reached: their choice mattered. */
  visited: Set<string>;
}) {
  if (!nodes.length) return <p className="muted small">No node of this playbook waits for a person or the customer.</p>;
  const set = (nodeId: string, choice: AnswerChoice) => onChange({ ...answers, [nodeId]: choice });

  return (
    <fieldset className="run-answers" data-testid="run-answers">
      <legend>Scripted answers</legend>
      {nodes.map((node) => {
        const options = optionsFor(node, replies);
        const choice = answers[node.id] ?? options[0]?.choice;
        if (!choice) return null;
        const selectId = `answer-${node.id}`;
        return (
          <div key={node.id} className={visited.has(node.id) ? 'run-answer is-visited' : 'run-answer'}>
            <label htmlFor={selectId}>
              {node.label || node.id} <span className="muted small">({catalog[node.kind].label})</span>
            </label>
            <select
              id={selectId}
              data-testid={`run-answer-${node.id}`}
              value={valueOf(choice)}
              onChange={(e) => set(node.id, options.find((o) => o.value === e.target.value)!.choice)}
            >
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
            {choice.kind === 'approve_edit' && (
              <textarea
                aria-label={`Edited text for ${node.label || node.id}`}
                data-testid={`run-answer-${node.id}-text`}
                rows={2}
                value={choice.text}
                placeholder="The reply as the approver edits it"
                onChange={(e) => set(node.id, { kind: 'approve_edit', text: e.target.value })}
              />
            )}
            {choice.kind === 'reject' && (
              <input
                aria-label={`Reason for rejecting at ${node.label || node.id}`}
                data-testid={`run-answer-${node.id}-reason`}
                value={choice.reason}
                placeholder="Reason (optional)"
                onChange={(e) => set(node.id, { kind: 'reject', reason: e.target.value })}
              />
            )}
            {choice.kind === 'reply' && (
              <input
                aria-label={`The customer's reply at ${node.label || node.id}`}
                value={choice.text}
                placeholder="What the customer writes back"
                onChange={(e) => set(node.id, { kind: 'reply', text: e.target.value })}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
