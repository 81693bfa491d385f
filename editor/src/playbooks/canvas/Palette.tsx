import { memo, useMemo, useState, type DragEvent } from 'react';
import { catalog, NODE_KINDS, type NodeKind } from '@firebreak/engine';
import { PALETTE_MIME } from './PlaybookCanvas';

/** The palette's sections: the catalog's categories, in the order the catalog first names them. */
export function paletteGroups(): Array<{ category: string; kinds: NodeKind[] }> {
  const groups = new Map<string, NodeKind[]>();
  for (const kind of NODE_KINDS) {
    const c = catalog[kind].category;
    groups.set(c, [...(groups.get(c) ?? []), kind]);
  }
  return [...groups].map(([category, kinds]) => ({ category, kinds }));
}

/**
 * Every node kind, generated from the engine's catalog and grouped by its categories. Drag
 * one onto the canvas, or press Enter / click to add it in the middle of the view.
 */
function PaletteImpl({ onAdd, hasStart, disabled }: { onAdd: (kind: NodeKind) => void; hasStart: boolean; disabled?: boolean }) {
  const [filter, setFilter] = useState('');
  const groups = useMemo(paletteGroups, []);
  const q = filter.trim().toLowerCase();
  const matches = (k: NodeKind) => !q || `${catalog[k].label} ${k} ${catalog[k].description}`.toLowerCase().includes(q);

  const onDragStart = (e: DragEvent, kind: NodeKind) => {
    e.dataTransfer.setData(PALETTE_MIME, kind);
    e.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Node palette" data-testid="palette">
      <input
        type="search"
        className="palette-filter"
        placeholder="Find a node…"
        aria-label="Find a node kind"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {groups.map(({ category, kinds }) => {
        const shown = kinds.filter(matches);
        if (!shown.length) return null;
        return (
          <section key={category} className="palette-group" aria-label={category}>
            <h3>{category}</h3>
            <ul>
              {shown.map((kind) => {
                const spec = catalog[kind];
                const blocked = disabled || (kind === 'start' && hasStart);
                return (
                  <li key={kind}>
                    <button
                      type="button"
                      className={`palette-item group-${spec.group}`}
                      data-testid={`palette-${kind}`}
                      draggable={!blocked}
                      disabled={blocked}
                      onDragStart={(e) => onDragStart(e, kind)}
                      onClick={() => onAdd(kind)}
                      title={kind === 'start' && hasStart ? 'A playbook has exactly one Start' : spec.description}
                    >
                      <span className="palette-label">{spec.label}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </nav>
  );
}

export const Palette = memo(PaletteImpl);
