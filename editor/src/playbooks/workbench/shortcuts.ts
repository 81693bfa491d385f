import { useEffect, useRef } from 'react';

/** Every keyboard shortcut of the workbench, as the help popover lists them. */
export const SHORTCUTS: Array<{ keys: string; does: string }> = [
  { keys: 'Enter on a palette item', does: 'Add that node in the middle of the view' },
  { keys: 'Tab, then arrows', does: 'Focus a node, move the selected nodes' },
  { keys: 'Shift + click, Shift + drag', does: 'Select several nodes (click, or a box)' },
  { keys: 'Ctrl + A', does: 'Select every node' },
  { keys: 'Delete / Backspace', does: 'Delete the selected nodes or connections' },
  { keys: 'Ctrl + C / Ctrl + X / Ctrl + V', does: 'Copy, cut, paste nodes (also into another playbook)' },
  { keys: 'Ctrl + D', does: 'Duplicate the selected nodes' },
  { keys: 'Ctrl + Z', does: 'Undo' },
  { keys: 'Ctrl + Shift + Z, Ctrl + Y', does: 'Redo' },
  { keys: 'Shift + L', does: 'Auto-layout, left to right' },
  { keys: 'F', does: 'Zoom to fit' },
  { keys: '?', does: 'Show this list' },
  { keys: 'Esc', does: 'Close a dialog' },
];

export interface ShortcutHandlers {
  remove(): void;
  undo(): void;
  redo(): void;
  copy(): void;
  cut(): void;
  paste(): void;
  duplicate(): void;
  selectAll(): void;
  layout(): void;
  fit(): void;
  help(): void;
}

/** Keys typed into a field, or while a dialog is open, belong to that field or dialog. */
function ownedElsewhere(e: KeyboardEvent): boolean {
  const t = e.target as HTMLElement | null;
  if (t && (t.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(t.tagName) || t.closest('.monaco-editor'))) return true;
  return !!document.querySelector('dialog[open]');
}

/** The workbench's keyboard shortcuts (the arrow keys that move nodes are React Flow's own). */
export function useShortcuts(handlers: ShortcutHandlers, enabled: boolean) {
  const ref = useRef(handlers);
  ref.current = handlers;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || ownedElsewhere(e)) return;
      const h = ref.current;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let run: (() => void) | null = null;
      if (!mod && !e.altKey && (e.key === 'Delete' || e.key === 'Backspace')) run = h.remove;
      else if (mod && key === 'z') run = e.shiftKey ? h.redo : h.undo;
      else if (mod && key === 'y') run = h.redo;
      else if (mod && !e.shiftKey && key === 'c') run = h.copy;
      else if (mod && !e.shiftKey && key === 'x') run = h.cut;
      else if (mod && !e.shiftKey && key === 'v') run = h.paste;
      else if (mod && key === 'd') run = h.duplicate;
      else if (mod && key === 'a') run = h.selectAll;
      else if (!mod && !e.altKey && e.key === 'L' && e.shiftKey) run = h.layout;
      else if (!mod && !e.altKey && !e.shiftKey && key === 'f') run = h.fit;
      else if (!mod && e.key === '?') run = h.help;
      if (!run) return;
      e.preventDefault();
      run();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled]);
}
