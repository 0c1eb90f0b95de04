// The text form of a model as a Monaco language: words, comments, strings, numbers
// and operators (grammar: src/engine/model/parseModelText.ts). Plain data, so it
// can be checked without Monaco. The table line has a state of its own: its clause
// words and values are keywords there only (`read`, `class`... stay names elsewhere).
import type { languages } from 'monaco-editor/editor';
import { BILLING_MODES, STREAM_VIEWS, TABLE_CLASSES } from '../../engine/index.ts';

export const MODEL_LANGUAGE_ID = 'tablewright-model';

const MODEL_KEYWORDS = [
  'model',
  'source',
  'entity',
  'key',
  'count',
  'belongsTo',
  'via',
  'by',
  'where',
  'order',
  'asc',
  'desc',
  'newest',
  'oldest',
  'first',
  'limit',
  'with',
  'returns',
  'one',
  'many',
  'between',
  'and',
  'in',
  'true',
  'false',
  'unique',
  'version',
  'ttl',
  'table',
  'consistent',
  'rate',
  'peak',
  'shards',
  'writes',
  'itemBytes',
] as const;
/** The clause words of the table line (`table App billing provisioned read 5 ...`), and `on`/`off` after pitr and deletionProtection. */
const TABLE_KEYWORDS = ['billing', 'read', 'write', 'stream', 'pitr', 'deletionProtection', 'class', 'on', 'off'] as const;
/** The values the table line's billing, stream and class take. */
const TABLE_VALUES: readonly string[] = [...BILLING_MODES, ...STREAM_VIEWS, ...TABLE_CLASSES];
const MODEL_TYPES = ['string', 'number', 'boolean', 'date', 'datetime'] as const;

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

/**
 * Enter in the model text: after an entity header the next line is an attribute line (indented
 * two spaces); Enter on an empty indented line (the end of the attributes) goes back to column 1;
 * elsewhere the indentation is kept (the next attribute line).
 */
export const ENTER_RULES: readonly { beforeText: RegExp; action: 'indent' | 'outdent' }[] = [
  { beforeText: /^entity\s.*$/, action: 'indent' },
  { beforeText: /^[ \t]+$/, action: 'outdent' },
];

/** What Enter does after `beforeText` (the line left of the cursor): the first rule that matches. */
export function enterAction(beforeText: string): 'indent' | 'outdent' | 'keep' {
  return ENTER_RULES.find((rule) => rule.beforeText.test(beforeText))?.action ?? 'keep';
}

// Monaco's IndentAction values (an enum of the Monaco runtime, which this data module does not import).
const INDENT_ACTION = { indent: 1, outdent: 3 } as const;

export const modelLanguageConfiguration: languages.LanguageConfiguration = {
  onEnterRules: ENTER_RULES.map((rule) => ({ beforeText: rule.beforeText, action: { indentAction: INDENT_ACTION[rule.action] as languages.IndentAction } })),
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
