/**
 * The keyword query language in Monaco (see `engine/src/analysis/query/parser.ts`):
 * upper-case operators, NEAR/n, "phrases", /regexes/, prefix*, @mentions and #hashtags.
 * Errors come from the engine's parser itself, as markers (see MonacoField).
 */
import type * as Monaco from 'monaco-editor/editor/editor.api';

export const QUERY = 'firebreak-query';

export function registerQueryLanguage(monaco: typeof Monaco) {
  monaco.languages.register({ id: QUERY });
  monaco.languages.setLanguageConfiguration(QUERY, {
    brackets: [['(', ')']],
    autoClosingPairs: [
      { open: '(', close: ')' },
      { open: '"', close: '"' },
    ],
    wordPattern: /[^\s()"“”]+/,
  });
  monaco.languages.setMonarchTokensProvider(QUERY, {
    tokenPostfix: '.query',
    brackets: [{ open: '(', close: ')', token: 'delimiter.parenthesis' }],
    tokenizer: {
      root: [
        [/\s+/, ''],
        [/["“][^"“”]*["”]?/, 'string'],
        [/\/(?:[^/\\]|\\.)*\/?/, 'regexp'],
        [/[()]/, '@brackets'],
        [
          /[^\s()"“”]+/,
          {
            cases: {
              'AND|OR|NOT': 'operator',
              'NEAR/\\d+': 'operator',
              '[@#].*': 'tag',
              '.*\\*': 'prefix',
              '@default': 'identifier',
            },
          },
        ],
      ],
    },
  });
}
