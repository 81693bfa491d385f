import { useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { WorkbenchContext, WorkbenchPanel } from '../workbench';

/**
 * The tabs beside the canvas: the built-in Problems tab, then every registered panel. Only
 * the open tab is mounted, so a panel's effects (and its canvas overlay) live while it is open.
 */
export function SidePanels({
  problemsTab,
  problemCount,
  errorCount,
  panels,
  ctx,
}: {
  problemsTab: ReactNode;
  problemCount: number;
  errorCount: number;
  panels: WorkbenchPanel[];
  ctx: WorkbenchContext;
}) {
  const tabs = [{ id: 'problems', title: 'Problems' }, ...panels.map((p) => ({ id: p.id, title: p.title }))];
  const [active, setActive] = useState('problems');
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const current = tabs.some((t) => t.id === active) ? active : 'problems';

  // Arrow keys move between tabs (the WAI-ARIA tabs pattern).
  const onKeyDown = (e: KeyboardEvent) => {
    const i = tabs.findIndex((t) => t.id === current);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length];
    setActive(next.id);
    refs.current[next.id]?.focus();
  };

  const panel = panels.find((p) => p.id === current);
  return (
    <aside className="side-panels" aria-label="Playbook panels">
      <div role="tablist" aria-label="Panels" className="tabs" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.id}
            ref={(el) => {
              refs.current[t.id] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === current}
            aria-controls={`tabpanel-${t.id}`}
            tabIndex={t.id === current ? 0 : -1}
            className={t.id === current ? 'tab is-active' : 'tab'}
            data-testid={`tab-${t.id}`}
            onClick={() => setActive(t.id)}
          >
            {t.title}
            {t.id === 'problems' && problemCount > 0 && <span className={errorCount ? 'count count-error' : 'count'}>{problemCount}</span>}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`tabpanel-${current}`}
        aria-labelledby={`tab-${current}`}
        className="tabpanel"
        data-testid={`tabpanel-${current}`}
      >
        {panel ? panel.render(ctx) : problemsTab}
      </div>
    </aside>
  );
}
