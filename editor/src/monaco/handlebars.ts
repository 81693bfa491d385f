/**
 * Handlebars in Monaco: a Monarch tokenizer for `{{…}}`, `{{#if}}…{{/if}}`, comments and the
 * engine's helpers, and completion of the variables available where the template is used.
 * The helpers are read from the engine's own template environment, so a helper added there
 * is highlighted and offered here without an editor change.
 */
import { createTemplateEnv } from '@firebreak/engine';
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const HANDLEBARS = 'firebreak-handlebars';

export interface TemplateVariable {
  /** What is inserted: "customer.name", "customerName". */
  name: string;
  kind: 'variable' | 'helper' | 'block';
  /** Shown beside the item, e.g. "set by Route (route-care)". */
  detail: string;
  example?: string;
}

const BUILT_IN_BLOCKS = ['if', 'unless', 'each', 'with'];
const INTERNAL = new Set(['blockHelperMissing', 'helperMissing', 'log', 'lookup', ...BUILT_IN_BLOCKS]);

/** The engine's own helpers (customerName, handle, signature…), from its template environment. */
export const ENGINE_HELPERS: string[] = Object.keys(createTemplateEnv().helpers).filter((h) => !INTERNAL.has(h));

/** Completion items per editor model (by URI): each template field knows what its node can use. */
const variablesByModel = new Map<string, TemplateVariable[]>();

export function setTemplateVariables(model: Monaco.editor.ITextModel, variables: TemplateVariable[]) {
  variablesByModel.set(model.uri.toString(), variables);
  model.onWillDispose(() => variablesByModel.delete(model.uri.toString()));
}

export function registerHandlebars(monaco: typeof Monaco) {
  monaco.languages.register({ id: HANDLEBARS });
  monaco.languages.setLanguageConfiguration(HANDLEBARS, {
    brackets: [['{{', '}}']],
    autoClosingPairs: [
      { open: '{{', close: '}}' },
      { open: '"', close: '"', notIn: ['string'] },
    ],
    surroundingPairs: [{ open: '"', close: '"' }],
    wordPattern: /[@\w.]+/,
  });
  const helpers = ENGINE_HELPERS.join('|');
  monaco.languages.setMonarchTokensProvider(HANDLEBARS, {
    tokenPostfix: '.handlebars',
    tokenizer: {
      root: [
        [/\{\{!--/, 'comment', '@longComment'],
        [/\{\{!/, 'comment', '@comment'],
        [/\{\{\{?~?[#/^>]?/, 'delimiter', '@mustache'],
        [/[^{]+/, ''],
        [/\{/, ''],
      ],
      longComment: [
        [/--~?\}\}/, 'comment', '@pop'],
        [/[^-]+/, 'comment'],
        [/-/, 'comment'],
      ],
      comment: [
        [/\}\}/, 'comment', '@pop'],
        [/[^}]+/, 'comment'],
        [/\}/, 'comment'],
      ],
      mustache: [
        [/~?\}\}\}?/, 'delimiter', '@pop'],
        [new RegExp(`(${BUILT_IN_BLOCKS.join('|')}|else|lookup)(?![\\w.])`), 'keyword'],
        [new RegExp(`(${helpers})(?![\\w.])`), 'helper'],
        [/"[^"]*"|'[^']*'/, 'string'],
        [/-?\d+(\.\d+)?/, 'number'],
        [/@?[A-Za-z_][\w-]*(\.[\w-]+)*|\.\.?\/?|this/, 'variable'],
        [/[=()|]/, 'delimiter'],
        [/\s+/, ''],
        [/./, 'invalid'],
      ],
    },
  });

  monaco.languages.registerCompletionItemProvider(HANDLEBARS, {
    triggerCharacters: ['{', '.', '#'],
    provideCompletionItems(model, position) {
      const variables = variablesByModel.get(model.uri.toString());
      if (!variables) return { suggestions: [] };
      const before = model.getValueInRange(new monaco.Range(1, 1, position.lineNumber, position.column));
      // Only inside an open {{ … }}: the text after the last "{{" has no "}}" yet.
      const open = before.lastIndexOf('{{');
      if (open < 0 || before.indexOf('}}', open) >= 0) return { suggestions: [] };
      const typed = /[#/]?[@\w.]*$/.exec(before.slice(open + 2).replace(/^\{/, ''))?.[0] ?? '';
      const block = typed.startsWith('#');
      const word = typed.replace(/^[#/]/, '');
      const range = new monaco.Range(position.lineNumber, position.column - word.length, position.lineNumber, position.column);
      const kinds = monaco.languages.CompletionItemKind;
      const suggestions: Monaco.languages.CompletionItem[] = block
        ? BUILT_IN_BLOCKS.map((b) => ({ label: b, kind: kinds.Keyword, insertText: b, range, detail: `{{#${b}}}…{{/${b}}}` }))
        : variables.map((v, i) => ({
            label: v.name,
            kind: v.kind === 'helper' ? kinds.Function : kinds.Variable,
            insertText: v.name,
            range,
            detail: v.detail,
            documentation: v.example ? `e.g. ${v.example}` : undefined,
            sortText: String(i).padStart(3, '0'),
          }));
      return { suggestions };
    },
  });
}
