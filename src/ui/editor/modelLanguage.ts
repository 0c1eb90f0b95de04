// The text form of a model as a Monaco language: words, comments, strings, numbers
// and operators (grammar: src/engine/model/parseModelText.ts). Plain data, so it
// can be checked without Monaco. The table line has a state of its own: its clause
// words and values are keywords there only (`read`, `class`... stay names elsewhere).
import type { languages } from 'monaco-editor/editor';
import { BILLING_MODES, STREAM_VIEWS, TABLE_CLASSES } from '../../engine/index.ts';

export const MODEL_LANGUAGE_ID = 'tablewright-model';

export const MODEL_KEYWORDS = [
  'model', 'source', 'entity', 'key', 'count', 'belongsTo', 'via', 'by', 'where', 'order', 'asc', 'desc',
  'newest', 'oldest', 'first', 'limit', 'with', 'returns', 'one', 'many', 'between', 'and', 'in', 'true', 'false',
  'unique', 'version', 'ttl', 'table',
] as const;
/** The clause words of the table line (`table App billing provisioned read 5 ...`), and `on`/`off` after pitr and deletionProtection. */
export const TABLE_KEYWORDS = ['billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'class', 'on', 'off'] as const;
/** The values the table line's billing, stream and class take. */
export const TABLE_VALUES: readonly string[] = [...BILLING_MODES, ...STREAM_VIEWS, ...TABLE_CLASSES];
export const MODEL_TYPES = ['string', 'number', 'boolean', 'date', 'datetime'] as const;
export const MODEL_OPERATORS = ['=', '<', '<=', '>', '>=', 'between', 'begins_with', '?'] as const;

export const modelLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: [...MODEL_KEYWORDS],
  typeKeywords: [...MODEL_TYPES],
  tableKeywords: [...TABLE_KEYWORDS],
  tableValues: [...TABLE_VALUES],
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      // A pattern's name starts its line: `getUserOrders: Order by ...`.
      [/^[A-Za-z_][A-Za-z0-9_]*(?=\s*:)/, 'pattern.name'],
      [/^table\b/, { token: 'keyword', next: '@table' }],
      [/"([^"\\]|\\.)*$/, 'string.invalid'],
      [/"/, 'string', '@string'],
      [/begins_with\b/, 'operator'],
      [
        /[A-Za-z_][A-Za-z0-9_]*/,
        {
          cases: {
            '@keywords': 'keyword',
            '@typeKeywords': 'type',
            '[A-Z][A-Za-z0-9_]*': 'entity.name',
            '@default': 'identifier',
          },
        },
      ],
      [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
      [/<=|>=|[=<>?|]/, 'operator'],
      [/[:,()]/, 'delimiter'],
    ],
    // The rest of a table line; the next line starts in root again.
    table: [
      [/^/, { token: '', next: '@pop' }],
      [/#.*$/, 'comment'],
      [/"([^"\\]|\\.)*$/, 'string.invalid'],
      [/"/, 'string', '@string'],
      [
        /[A-Za-z_][A-Za-z0-9_.-]*/,
        {
          cases: {
            '@tableKeywords': 'keyword',
            '@tableValues': 'type',
            '@default': 'identifier',
          },
        },
      ],
      [/-?\d+(\.\d+)?([eE][+-]?\d+)?/, 'number'],
    ],
    string: [
      [/[^\\"]+/, 'string'],
      [/\\./, 'string.escape'],
      [/"/, 'string', '@pop'],
    ],
  },
};

export const modelLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: '#' },
  brackets: [['(', ')']],
  autoClosingPairs: [
    { open: '(', close: ')' },
    { open: '"', close: '"', notIn: ['string', 'comment'] },
  ],
  surroundingPairs: [
    { open: '(', close: ')' },
    { open: '"', close: '"' },
  ],
  wordPattern: /[A-Za-z_][A-Za-z0-9_]*|-?\d+(\.\d+)?/,
};
