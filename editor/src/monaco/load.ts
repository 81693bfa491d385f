/**
 * Monaco is big: it loads on first use (the first query or template field shown), never with
 * the canvas. Every caller shares the one load.
 */
export type Monaco = typeof import('monaco-editor/editor/editor.api');

let loading: Promise<Monaco> | null = null;

export function loadMonaco(): Promise<Monaco> {
  loading ??= import('./setup').then((m) => m.monaco);
  // A failed load (a deploy replaced the chunk, a network blip) may be retried.
  loading.catch(() => (loading = null));
  return loading;
}
