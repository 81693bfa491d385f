import type { Problem } from '@firebreak/engine';

/** The draft's problems from the validator; a problem on a node focuses that node. */
export function ProblemList({ problems, onFocus }: { problems: Problem[]; onFocus: (nodeId: string) => void }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  return (
    <section className="panel" aria-labelledby="problems-title" data-testid="problems">
      <h2 id="problems-title">
        Problems <span className="count">{problems.length}</span>
      </h2>
      {problems.length === 0 ? (
        <p className="ok" data-testid="no-problems">
          No problems: the draft can be published.
        </p>
      ) : (
        <>
          <p className="muted small">
            {errors > 0
              ? `${errors} error${errors === 1 ? '' : 's'} must be fixed before publishing.`
              : 'Only warnings: the draft can be published.'}
          </p>
          <ul className="problems">
            {problems.map((p, i) => (
              <li key={`${p.code}-${p.nodeId ?? p.edgeId ?? ''}-${p.path ?? ''}-${i}`} className={`problem problem-${p.severity}`}>
                <span className="problem-severity">{p.severity}</span>
                {p.nodeId ? (
                  <button type="button" className="link" onClick={() => onFocus(p.nodeId!)}>
                    {p.nodeId}
                  </button>
                ) : p.edgeId ? (
                  <code>{p.edgeId}</code>
                ) : null}
                <span className="problem-message">{p.message}</span>
                {p.path && <code className="problem-path">{p.path}</code>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
