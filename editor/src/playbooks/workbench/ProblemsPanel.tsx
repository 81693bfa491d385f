import type { Playbook, Problem } from '@firebreak/engine';

/**
 * The draft's problems from the engine's validator, recomputed on every edit. Clicking a
 * problem selects its node (for an edge: the node it leaves from) and brings it into view.
 */
export function ProblemsPanel({
  problems,
  playbook,
  onFocus,
}: {
  problems: Problem[];
  playbook: Playbook;
  onFocus: (nodeId: string) => void;
}) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const ids = new Set(playbook.nodes.map((n) => n.id));
  const nodeOf = (p: Problem) => {
    if (p.nodeId && ids.has(p.nodeId)) return p.nodeId;
    const edge = p.edgeId ? playbook.edges.find((e) => e.id === p.edgeId) : undefined;
    return edge && ids.has(edge.source) ? edge.source : null;
  };
  const labelOf = (id: string) => playbook.nodes.find((n) => n.id === id)?.label || id;
  // Errors first: they are what stands between the draft and publishing.
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));

  return (
    <section aria-labelledby="problems-title" data-testid="problems">
      <h2 id="problems-title" className="visually-hidden">
        Problems
      </h2>
      {problems.length === 0 ? (
        <p className="ok" data-testid="no-problems">
          No problems: the draft can be published.
        </p>
      ) : (
        <>
          <p className="muted small" data-testid="problems-summary">
            {errors > 0
              ? `${errors} error${errors === 1 ? '' : 's'} must be fixed before publishing.`
              : 'Only warnings: the draft can be published.'}
          </p>
          <ul className="problems">
            {sorted.map((p, i) => {
              const nodeId = nodeOf(p);
              return (
                <li
                  key={`${p.code}-${p.nodeId ?? p.edgeId ?? ''}-${p.path ?? ''}-${i}`}
                  className={`problem problem-${p.severity}`}
                  data-testid="problem"
                  data-code={p.code}
                  data-node={nodeId ?? undefined}
                >
                  <span className="problem-severity">{p.severity}</span>
                  {nodeId ? (
                    <button type="button" className="link" onClick={() => onFocus(nodeId)} title="Select this node on the canvas">
                      {labelOf(nodeId)}
                    </button>
                  ) : p.edgeId ? (
                    <code>{p.edgeId}</code>
                  ) : null}
                  <span className="problem-message">{p.message}</span>
                  {p.path && <code className="problem-path">{p.path}</code>}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
