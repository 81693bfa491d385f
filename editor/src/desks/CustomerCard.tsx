import type { CustomerSummary } from '@firebreak/engine';

/** Who the customer is: reach, tier, tags and the identities that join their channels. */
export function CustomerCard({ customer }: { customer: CustomerSummary | null }) {
  if (!customer) return <p className="muted">Unknown customer.</p>;
  return (
    <dl className="facts" data-testid="customer">
      <dt>Name</dt>
      <dd>
        {customer.name ?? '—'} {customer.handle && <span className="muted">@{customer.handle}</span>}
        {customer.verified && <span className="pill-small"> verified</span>}
      </dd>
      <dt>Followers</dt>
      <dd>{customer.followers.toLocaleString()}</dd>
      {customer.influence && (
        <>
          <dt>Influence</dt>
          <dd>
            {customer.influence.segment} ({customer.influence.score})
          </dd>
        </>
      )}
      {customer.tier && (
        <>
          <dt>Tier</dt>
          <dd>{customer.tier}</dd>
        </>
      )}
      {customer.tags.length > 0 && (
        <>
          <dt>Tags</dt>
          <dd>{customer.tags.join(', ')}</dd>
        </>
      )}
      {customer.identities.length > 0 && (
        <>
          <dt>Identities</dt>
          <dd>{customer.identities.map((i) => `${i.source} ${i.kind}: ${i.value}`).join(' · ')}</dd>
        </>
      )}
    </dl>
  );
}
