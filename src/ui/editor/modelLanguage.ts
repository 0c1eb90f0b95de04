// The text form of a model as a Monaco language: words, comments, strings, numbers
// and operators (grammar: src/engine/model/parseModelText.ts). Plain data, so it
// can be checked without Monaco.
import type { languages } from 'monaco-editor/editor';

export const MODEL_LANGUAGE_ID = 'tablewright-model';

export const MODEL_KEYWORDS = [
  'model', 'source', 'entity', 'key', 'count', 'belongsTo', 'via', 'by', 'where', 'order', 'asc', 'desc',
  'newest', 'oldest', 'first', 'with', 'returns', 'one', 'many', 'between', 'and', 'in', 'true', 'false',
] as const;
export const MODEL_TYPES = ['string', 'number', 'boolean', 'date', 'datetime'] as const;
export const MODEL_OPERATORS = ['=', '<', '<=', '>', '>=', 'between', 'begins_with', '?'] as const;

export const modelLanguage: languages.IMonarchLanguage = {
  defaultToken: '',
  keywords: [...MODEL_KEYWORDS],
  typeKeywords: [...MODEL_TYPES],
  tokenizer: {
    root: [
      [/#.*$/, 'comment'],
      // A pattern's name starts its line: `getUserOrders: Order by ...`.
      [/^[A-Za-z_][A-Za-z0-9_]*(?=\s*:)/, 'pattern.name'],
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
