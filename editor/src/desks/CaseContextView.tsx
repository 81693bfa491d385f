import { CustomerCard } from './CustomerCard';
import { PathSoFar } from './PathSoFar';
import { Thread } from './Thread';
import type { CaseContext } from '@firebreak/engine';

/** The case around an item: the conversation first, then who the customer is and how the playbook got here. */
export function CaseContextView({ context, interactionId, nodeId }: { context: CaseContext; interactionId: string; nodeId?: string }) {
  return (
    <div className="case-context">
      <section aria-labelledby="ctx-thread">
        <h3 id="ctx-thread">Conversation</h3>
        <Thread entries={context.thread} highlight={interactionId} />
      </section>
      <div className="case-context-side">
        <section aria-labelledby="ctx-customer">
          <h3 id="ctx-customer">Customer</h3>
          <CustomerCard customer={context.customer} />
        </section>
        <section aria-labelledby="ctx-path">
          <h3 id="ctx-path">Path so far</h3>
          <PathSoFar path={context.path} waitingAt={nodeId} />
        </section>
        {context.case && (
          <section aria-labelledby="ctx-case">
            <h3 id="ctx-case">Case</h3>
            <p className="small">
              {context.case.status}
              {context.case.team && ` · team ${context.case.team}`}
              {context.case.agent && ` · ${context.case.agent.name}`}
              {context.openItems.length > 0 && ` · ${context.openItems.length} other open item(s)`}
            </p>
          </section>
        )}
      </div>
    </div>
  );
}
