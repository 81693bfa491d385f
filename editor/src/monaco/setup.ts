/**
 * Monaco, bundled from the `monaco-editor` package (no CDN, works offline): the editor core
 * and only the contributions a one-field editor needs (completion, hover, brackets, markers,
 * clipboard, undo). No language services: our two languages are registered here, so the
 * bundle carries none of Monaco's TypeScript/CSS/HTML/JSON workers. Loaded lazily by
 * `loadMonaco()`, so the canvas opens without it.
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/placeholderText/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/editor/common/standaloneStrings';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { registerHandlebars } from './handlebars';
import { registerQueryLanguage } from './query';

// The editor worker computes word ranges and links off the main thread; Vite bundles it
// (`?worker`) into its own file served by the api like every other asset.
self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

registerHandlebars(monaco);
registerQueryLanguage(monaco);

monaco.editor.defineTheme('firebreak', {
  base: 'vs',
  inherit: true,
  rules: [
    { token: 'delimiter.handlebars', foreground: '8a3ffc' },
    { token: 'keyword.handlebars', foreground: '8a3ffc', fontStyle: 'bold' },
    { token: 'variable.handlebars', foreground: '0f62fe' },
    { token: 'helper.handlebars', foreground: '007d79', fontStyle: 'bold' },
    { token: 'string.handlebars', foreground: 'a2191f' },
    { token: 'comment.handlebars', foreground: '6f6f6f', fontStyle: 'italic' },
    { token: 'operator.query', foreground: '8a3ffc', fontStyle: 'bold' },
    { token: 'string.query', foreground: 'a2191f' },
    { token: 'regexp.query', foreground: 'b45309' },
    { token: 'tag.query', foreground: '0f62fe' },
    { token: 'prefix.query', foreground: '007d79' },
    { token: 'delimiter.parenthesis.query', foreground: '525252' },
  ],
  colors: { 'editor.background': '#ffffff' },
});

export { monaco };
