import { Countdown } from '../../ui/Countdown';
import { formatDateTime } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/states';
import { useAsync } from '../../ui/useAsync';
import { useLastReady } from '../../ui/useLastReady';
import { CaseContextView } from '../CaseContextView';
import { approvalsApi, type ApprovalItem } from './approvalsApi';
import { DecisionForm } from './DecisionForm';

const statusText: Record<string, string> = {
  decided: 'Decided',
  expired: 'Moved to the backup approver when its SLA ran out',
  timed_out: 'Timed out: the playbook went on without a decision',
  closed: 'The case was resolved before anyone decided',
};

/** One approval: the message, the editable draft with its decision, and the case around it. */
export function ApprovalDetailView({
  id,
  version,
  onDecided,
}: {
  id: string;
  /** Bumped when live events say this approval may have changed. */
  version: number;
  onDecided: (result: ApprovalItem | null, note: string) => void;
}) {
  const [state, reload] = useAsync((signal) => approvalsApi.get(id, signal), [id, version]);
  // A live refresh keeps the form (and the user's edit) on screen; its id keys the form.
  const a = useLastReady(state);
  if (!a && state.status === 'error') return <ErrorState title="This approval could not be loaded" error={state.error} onRetry={reload} />;
  if (!a) return <Loading what="the approval" />;
  return (
    <article className="desk-detail" aria-labelledby="approval-title" data-testid="approval-detail">
      <header className="desk-detail-header">
        <h2 id="approval-title">
          Reply to {a.customer?.name ?? 'a customer'} <span className="channel-tag">{a.channel}</span>
        </h2>
        <span className="muted small">
          {a.role.toUpperCase()} approval · <code>{a.nodeId}</code>
        </span>
        {a.status === 'pending' && <Countdown dueAt={a.sla.dueAt} since={a.createdAt} />}
      </header>
      <blockquote className="customer-message" data-testid="customer-message">
        <p>{a.message.text}</p>
        <footer className="muted small">received {formatDateTime(a.message.receivedAt)}</footer>
      </blockquote>
      {a.status === 'pending' ? (
        <DecisionForm key={a.id} approval={a} onDecided={onDecided} />
      ) : (
        <div className="decided" role="status" data-testid="approval-status">
          <strong>{statusText[a.status] ?? a.status}</strong>
          {a.decision && (
            <p>
              {a.decision.outcome} by {a.decision.by} · {formatDateTime(a.decision.at)}
              {a.decision.reason && <> — “{a.decision.reason}”</>}
            </p>
          )}
          {a.decision?.text && <p className="muted">Sent: {a.decision.text}</p>}
        </div>
      )}
      <CaseContextView context={a.context} interactionId={a.interactionId} nodeId={a.nodeId} />
    </article>
  );
}
