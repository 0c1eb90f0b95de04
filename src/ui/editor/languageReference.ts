// The one source of the text form's syntax reference: the Help dialog, the editor's
// keyword hovers and completion descriptions read it, README.md's "Language reference"
// section is generated from it (`npm run gen:reference`), and languageReference.test.ts
// parses every example with parseModelText in REFERENCE_CONTEXT, so the reference
// cannot say something the parser refuses. Plain data; no Monaco, no React.

/** Where an example goes in REFERENCE_CONTEXT (and which lines a keyword hover applies to). */
export type ReferencePlace = 'line' | 'table' | 'header' | 'attribute' | 'pattern';

export interface ReferenceEntry {
  /** The words (or marks) it documents: hovering one of them on a line of its place shows it. */
  keywords: readonly string[];
  /** The form, e.g. `key a` · `key (a, b)`. */
  syntax: string;
  /** One line: what it means. */
  summary: string;
  /**
   * One line of the text form, valid in REFERENCE_CONTEXT: `line` and `table` lines replace the
   * context's line of the same first word (or come after the model line), a `header` replaces its
   * entity's header, an `attribute` line goes under `entity Ticket`, a `pattern` line at the end.
   */
  example: string;
}

export interface ReferenceSection {
  id: string;
  title: string;
  place: ReferencePlace;
  intro: string;
  entries: readonly ReferenceEntry[];
}

/** The model every example is valid in (shown above the reference, tested with each example). */
export const REFERENCE_CONTEXT = `model "Helpdesk"

entity Customer key customerId
  customerId: string
  email: string
  revision: number

entity Ticket key ticketId count 2000 belongsTo Customer via customerId
  ticketId: string
  customerId: string
  status: "open" | "closed"
  createdAt: datetime
  subject: string
  priority: number
  expiresAt?: number

entity Comment key commentId belongsTo Ticket via ticketId
  commentId: string
  ticketId: string
  postedAt: datetime

getTicket: Ticket by ticketId returns one`;

export const LANGUAGE_REFERENCE: readonly ReferenceSection[] = [
  {
    id: 'lines',
    title: 'Model lines and comments',
    place: 'line',
    intro: 'The text is read line by line. A line starts with `model`, `source`, `table`, `entity`, a pattern name, or two spaces (an attribute).',
    entries: [
      { keywords: ['model'], syntax: 'model "Name"', summary: "The model's name: required, once, usually the first line.", example: 'model "Helpdesk"' },
      {
        keywords: ['source'],
        syntax: 'source "text"',
        summary: 'Where the model comes from (optional, once).',
        example: 'source "support team interview, May"',
      },
      {
        keywords: ['#'],
        syntax: '# comment',
        summary: 'A comment, from # to the end of the line (not inside a quoted text).',
        example: 'source "interview"  # who asked for it',
      },
    ],
  },
  {
    id: 'table',
    title: 'Table line',
    place: 'table',
    intro: "Optional, once: `table`, the table's name (optional), then its settings in any order.",
    entries: [
      {
        keywords: ['table'],
        syntax: 'table [Name] settings…',
        summary: "The table's name and settings; every part is optional.",
        example: 'table HelpdeskTable',
      },
      {
        keywords: ['billing'],
        syntax: 'billing on-demand|provisioned',
        summary: 'The capacity mode: pay per request, or provisioned read and write units.',
        example: 'table billing on-demand',
      },
      {
        keywords: ['read'],
        syntax: 'read N',
        summary: 'Provisioned read capacity units (with billing provisioned).',
        example: 'table billing provisioned read 20 write 10',
      },
      {
        keywords: ['write'],
        syntax: 'write N',
        summary: 'Provisioned write capacity units (with billing provisioned).',
        example: 'table billing provisioned read 5 write 5',
      },
      {
        keywords: ['stream'],
        syntax: 'stream NEW_AND_OLD_IMAGES|NEW_IMAGE|OLD_IMAGE|KEYS_ONLY',
        summary: 'Turns on DynamoDB Streams with this view of each change.',
        example: 'table stream NEW_AND_OLD_IMAGES',
      },
      { keywords: ['pitr'], syntax: 'pitr [on|off]', summary: 'Point-in-time recovery (on when written alone).', example: 'table pitr' },
      {
        keywords: ['deletionProtection'],
        syntax: 'deletionProtection [on|off]',
        summary: 'Refuses to delete the table while on (on when written alone).',
        example: 'table deletionProtection off',
      },
      {
        keywords: ['class'],
        syntax: 'class STANDARD|STANDARD_INFREQUENT_ACCESS',
        summary: 'The table class: cheaper storage, dearer requests for the infrequent one.',
        example: 'table class STANDARD_INFREQUENT_ACCESS',
      },
      {
        keywords: ['on', 'off'],
        syntax: 'on · off',
        summary: 'After pitr or deletionProtection: turns it on or off.',
        example: 'table pitr on deletionProtection on',
      },
    ],
  },
  {
    id: 'entity',
    title: 'Entity header',
    place: 'header',
    intro: '`entity Name`, then its clauses in any order, all on one line; its attribute lines follow, indented.',
    entries: [
      {
        keywords: ['entity'],
        syntax: 'entity Name …',
        summary: 'A kind of record; its attributes follow on indented lines.',
        example: 'entity Customer key customerId',
      },
      {
        keywords: ['key'],
        syntax: 'key a · key (a, b)',
        summary: 'The attributes that identify one record (several in parentheses); never optional ones.',
        example: 'entity Comment key (ticketId, commentId) belongsTo Ticket via ticketId',
      },
      {
        keywords: ['count'],
        syntax: 'count N',
        summary: 'How many records to expect: sizes the sample data (20 when omitted) and the cost estimate.',
        example: 'entity Ticket key ticketId count 50000 belongsTo Customer via customerId',
      },
      {
        keywords: ['belongsTo', 'via'],
        syntax: 'belongsTo Parent via a · via (a, b)',
        summary: "Each record has a parent, named by these attributes (the parent's key); several parents separated by commas.",
        example: 'entity Comment key commentId belongsTo Ticket via ticketId',
      },
      {
        keywords: ['unique'],
        syntax: 'unique a · unique (a, b)',
        summary: 'Attributes besides the key that no two records share (repeat the clause for each set).',
        example: 'entity Customer key customerId unique email',
      },
      {
        keywords: ['version'],
        syntax: 'version a',
        summary: 'A number attribute for optimistic locking: each update states the version it expects.',
        example: 'entity Customer key customerId version revision',
      },
      {
        keywords: ['ttl'],
        syntax: 'ttl a',
        summary: "A number attribute (epoch seconds) after which DynamoDB's time to live deletes the item.",
        example: 'entity Ticket key ticketId belongsTo Customer via customerId ttl expiresAt',
      },
      {
        keywords: ['writes', 'peak'],
        syntax: 'writes N · writes N peak M',
        summary: 'Writes of these records per second, on average and at the peak: drives the cost estimate and the hot-partition check.',
        example: 'entity Ticket key ticketId belongsTo Customer via customerId writes 5 peak 50',
      },
      {
        keywords: ['itemBytes'],
        syntax: 'itemBytes N',
        summary: "The average item size in bytes to price with, instead of the samples' size.",
        example: 'entity Ticket key ticketId belongsTo Customer via customerId itemBytes 1200',
      },
    ],
  },
  {
    id: 'attribute',
    title: 'Attribute lines',
    place: 'attribute',
    intro: 'Indented under their entity header: `name: type`, one a line.',
    entries: [
      {
        keywords: ['string', 'number', 'boolean', 'date', 'datetime'],
        syntax: 'name: string|number|boolean|date|datetime',
        summary: 'An attribute and its type (date: 2024-05-01, datetime: ISO 8601 with time).',
        example: '  closedAt: datetime',
      },
      {
        keywords: ['|'],
        syntax: 'name: "a" | "b"',
        summary: 'An enumeration: the attribute takes one of these values (numbers and true | false too).',
        example: '  channel: "email" | "phone" | "chat"',
      },
      { keywords: ['in'], syntax: 'name: TYPE in (v1, v2)', summary: 'An enumeration written with its type.', example: '  level: number in (1, 2, 3)' },
      { keywords: ['?'], syntax: 'name?: type', summary: 'Optional: records may lack it (never in a key or a via).', example: '  rating?: number' },
    ],
  },
  {
    id: 'pattern',
    title: 'Access patterns',
    place: 'pattern',
    intro: 'One line each, at the start of the line: `name: Entity`, then its clauses in any order.',
    entries: [
      {
        keywords: [':'],
        syntax: 'name: Entity …',
        summary: 'An access pattern: a read of Entity records the design must serve.',
        example: 'customerTickets: Ticket by customerId',
      },
      {
        keywords: ['by'],
        syntax: 'by a · by a, b',
        summary: 'The equality parameters the caller gives (several separated by commas).',
        example: 'ticketsByState: Ticket by customerId, status',
      },
      {
        keywords: ['where', '>=', '<=', '>', '<', '='],
        syntax: 'where x OP ?',
        summary: 'A range on one parameter; OP is =, <, <=, > or >=.',
        example: 'recentTickets: Ticket by customerId where createdAt >= ?',
      },
      {
        keywords: ['between'],
        syntax: 'where x between ? and ?',
        summary: 'A range between two parameters (both ends included).',
        example: 'ticketsInRange: Ticket by customerId where createdAt between ? and ?',
      },
      {
        keywords: ['begins_with'],
        syntax: 'where x begins_with ?',
        summary: 'A prefix of a string (or date) attribute.',
        example: 'ticketsBySubject: Ticket by customerId where subject begins_with ?',
      },
      {
        keywords: ['and'],
        syntax: 'where x = "value" and …',
        summary: 'A literal condition fixes an attribute to a value (text quoted, a number, true or false); and joins conditions.',
        example: 'openTickets: Ticket by customerId where status = "open" and createdAt >= ?',
      },
      { keywords: ['?'], syntax: '?', summary: 'A parameter: the value the caller gives.', example: 'ticketsAfter: Ticket by customerId where createdAt > ?' },
      {
        keywords: ['order', 'asc', 'desc'],
        syntax: 'order by x asc|desc',
        summary: 'The order of the results (asc when omitted).',
        example: 'ticketsByPriority: Ticket by customerId order by priority desc',
      },
      {
        keywords: ['newest', 'oldest', 'first'],
        syntax: 'newest first · oldest first',
        summary: 'Order by the where range attribute, descending or ascending (needs a where range).',
        example: 'latestTickets: Ticket by customerId where createdAt >= ? newest first',
      },
      {
        keywords: ['limit'],
        syntax: 'limit N',
        summary: 'Only the first N records in the order ("the latest": limit 1).',
        example: 'lastTicket: Ticket by customerId where createdAt >= ? newest first limit 1',
      },
      {
        keywords: ['with'],
        syntax: 'with Child, Other',
        summary: 'Also returns the records of entities that belong to this one (an item collection).',
        example: 'ticketWithComments: Ticket by ticketId with Comment returns one',
      },
      {
        keywords: ['returns', 'one', 'many'],
        syntax: 'returns one|many',
        summary: 'At most one record, or a list (many when omitted).',
        example: 'ticketById: Ticket by ticketId returns one',
      },
      {
        keywords: ['consistent'],
        syntax: 'consistent',
        summary: 'A strongly consistent read (not on a global secondary index).',
        example: 'ticketNow: Ticket by ticketId returns one consistent',
      },
      {
        keywords: ['rate', 'peak'],
        syntax: 'rate N · rate N peak M',
        summary: 'Calls per second, on average and at the peak: drives the cost estimate and the hot-partition check.',
        example: 'customerTicketsBusy: Ticket by customerId rate 20 peak 400',
      },
      {
        keywords: ['shards'],
        syntax: 'shards N',
        summary: "Spreads the pattern's partition over N shards (for hot keys); reads query every shard.",
        example: 'ticketsByStatus: Ticket by status shards 8',
      },
      {
        keywords: ['"'],
        syntax: '"description"',
        summary: 'A quoted description of the pattern, shown beside it.',
        example: 'accountTickets: Ticket by customerId "the tickets on the account page"',
      },
    ],
  },
];

/** Every entry with its section's place. */
export function referenceEntries(): { place: ReferencePlace; entry: ReferenceEntry }[] {
  return LANGUAGE_REFERENCE.flatMap((section) => section.entries.map((entry) => ({ place: section.place, entry })));
}

/** The entry a word documents on a line of `place` (the first of that place, then of any place). */
export function referenceFor(word: string, place: ReferencePlace): ReferenceEntry | undefined {
  const all = referenceEntries();
  return (all.find((e) => e.place === place && e.entry.keywords.includes(word)) ?? all.find((e) => e.entry.keywords.includes(word)))?.entry;
}

/** The full model text an entry's example is checked in (see ReferenceEntry.example). */
export function exampleInContext(place: ReferencePlace, example: string): string {
  const lines = REFERENCE_CONTEXT.split('\n');
  const firstWord = (line: string) => /^\S+/.exec(line)?.[0];
  switch (place) {
    case 'line':
    case 'table': {
      const at = lines.findIndex((line) => firstWord(line) === firstWord(example));
      if (at >= 0) lines[at] = example;
      else lines.splice(1, 0, example);
      return lines.join('\n');
    }
    case 'header': {
      const name = /^entity\s+(\S+)/.exec(example)?.[1];
      const at = lines.findIndex((line) => name !== undefined && /^entity\s/.test(line) && line.split(/\s+/)[1] === name);
      if (at >= 0) lines[at] = example;
      else lines.push('', example);
      return lines.join('\n');
    }
    case 'attribute': {
      const at = lines.findIndex((line) => line.startsWith('entity Ticket'));
      lines.splice(at + 1, 0, example);
      return lines.join('\n');
    }
    case 'pattern':
      return [...lines, example].join('\n');
  }
}

/** The reference as markdown (README.md's "Language reference" section, written by `npm run gen:reference`). */
export function referenceMarkdown(): string {
  const out: string[] = [
    '## Language reference',
    '',
    "The model's text form, as the editor's Help (?) shows it. Every example is a line of this model",
    '(generated from `src/ui/editor/languageReference.ts`; a test parses each example in it):',
    '',
    '```',
    REFERENCE_CONTEXT,
    '```',
  ];
  for (const section of LANGUAGE_REFERENCE) {
    out.push('', `### ${section.title}`, '', section.intro, '', '| syntax | what | example |', '| --- | --- | --- |');
    for (const entry of section.entries) out.push(`| ${cell(entry.syntax)} | ${entry.summary.replace(/\|/g, '\\|')} | ${cell(entry.example.trim())} |`);
  }
  return out.join('\n');
}

/** A table cell in code: pipes escaped (GitHub reads `\|` as a pipe inside code in tables). */
function cell(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

export const README_START = '<!-- language-reference:start (generated by npm run gen:reference) -->';
export const README_END = '<!-- language-reference:end -->';

/** README.md with its generated section replaced by the current reference (added before "## Command line" when absent). */
export function withReferenceSection(readme: string): string {
  const block = `${README_START}\n${referenceMarkdown()}\n${README_END}`;
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start >= 0 && end > start) return readme.slice(0, start) + block + readme.slice(end + README_END.length);
  const at = readme.indexOf('## Command line');
  return at >= 0 ? `${readme.slice(0, at)}${block}\n\n${readme.slice(at)}` : `${readme}\n\n${block}\n`;
}
