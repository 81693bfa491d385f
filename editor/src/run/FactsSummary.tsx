import type { Facts, Playbook } from '@firebreak/engine';

const signed = (n: number) => (n < 0 ? `−${Math.abs(n).toFixed(2)}` : n.toFixed(2));

/** What the analysis found in the message: the facts every decision of the run reads. */
export function FactsSummary({ facts, playbook }: { facts: Facts; playbook: Playbook }) {
  const matched = playbook.nodes.filter((n) => n.kind === 'keywords' && facts.matches[n.id]).map((n) => n.label || n.id);
  return (
    <dl className="run-facts" data-testid="run-facts">
      <dt>Priority</dt>
      <dd data-testid="run-fact-priority">{facts.priority.tier}</dd>
      <dt>Sentiment</dt>
      <dd>
        {facts.sentiment.label} ({signed(facts.sentiment.compound)})
      </dd>
      <dt>Customer</dt>
      <dd>
        {facts.influence.segment.replace('_', ' ')} (influence {facts.influence.score}/100)
      </dd>
      <dt>Sensitive data</dt>
      <dd>{facts.pii.found ? facts.pii.kinds.join(', ') : 'none'}</dd>
      <dt>Keywords</dt>
      <dd>{matched.length ? matched.join(', ') : 'no query matched'}</dd>
      {facts.crisis?.active && (
        <>
          <dt>Crisis</dt>
          <dd>{facts.crisis.topics.join(', ') || 'active'}</dd>
        </>
      )}
    </dl>
  );
}
