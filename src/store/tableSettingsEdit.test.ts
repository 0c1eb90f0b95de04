import { describe, expect, it } from 'vitest';
import { loadProblem, printModelText, problemToJson, type Model, type TableSettings } from '../engine/index.ts';
import { EXAMPLES } from '../examples/examples.ts';
import { editTableSettings } from './tableSettingsEdit.ts';
import type { Source } from './types.ts';

const TEXT = `# The shop's model
model "Shop"   # its title
source "a talk"

entity User key email ttl expiresAt   # users
  email: string
  expiresAt: number

getUser: User by email returns one
`;

const FULL: TableSettings = {
  name: 'ShopTable',
  billing: 'provisioned',
  read: 20,
  write: 10,
  stream: 'NEW_AND_OLD_IMAGES',
  pitr: true,
  deletionProtection: false,
  tableClass: 'STANDARD',
};

function edited(source: Source, change: (t: TableSettings | undefined) => TableSettings | undefined): string {
  const result = editTableSettings(source, change);
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

const text = (t: string): Source => ({ text: t, format: 'text' });
const json = (t: string): Source => ({ text: t, format: 'json' });
const set = (table: TableSettings | undefined) => () => table;

function modelOf(example: (typeof EXAMPLES)[number]): Model {
  const model = loadProblem(example.json).model;
  if (!model) throw new Error(`${example.id} does not load`);
  return model;
}

describe('editTableSettings in the text form', () => {
  it('puts a new table line right after the model and source lines, and changes nothing else', () => {
    const after = edited(text(TEXT), set({ billing: 'provisioned', read: 20, write: 10 }));
    expect(after).toBe(TEXT.replace('source "a talk"\n', 'source "a talk"\ntable billing provisioned read 20 write 10\n'));
  });

  it('puts it after the model line (its comment stays there) when there is no source line', () => {
    const before = TEXT.replace('source "a talk"\n', '');
    expect(edited(text(before), set({ pitr: true }))).toBe(before.replace('# its title\n', '# its title\ntable pitr\n'));
  });

  it('rewrites only the table line, keeping the comment after it, in canonical clause order', () => {
    const before = TEXT.replace('source "a talk"\n', 'source "a talk"\ntable class STANDARD  billing on-demand pitr off   # keep me\n');
    const after = edited(text(before), (t) => ({ ...t, billing: 'provisioned', read: 5, write: 5, stream: 'KEYS_ONLY' }));
    expect(after).toBe(
      before.replace('table class STANDARD  billing on-demand pitr off', 'table billing provisioned read 5 write 5 stream KEYS_ONLY pitr off class STANDARD'),
    );
  });

  it('quotes a name spelt like a clause word, and reads it back', () => {
    const after = edited(text(TEXT), set({ name: 'billing', billing: 'on-demand' }));
    expect(after).toContain('\ntable "billing" billing on-demand\n');
  });

  it('removes the table line when no setting is left, or keeps a bare `table` before its comment', () => {
    const plain = TEXT.replace('source "a talk"\n', 'source "a talk"\ntable pitr\n');
    expect(edited(text(plain), set({}))).toBe(TEXT);
    expect(edited(text(plain), set(undefined))).toBe(TEXT);
    const commented = TEXT.replace('source "a talk"\n', 'source "a talk"\ntable pitr # why\n');
    expect(edited(text(commented), set(undefined))).toBe(TEXT.replace('source "a talk"\n', 'source "a talk"\ntable # why\n'));
  });

  it('keeps \\r\\n line breaks', () => {
    const crlf = TEXT.replace(/\n/g, '\r\n');
    expect(edited(text(crlf), set({ pitr: true }))).toBe(crlf.replace('source "a talk"\r\n', 'source "a talk"\r\ntable pitr\r\n'));
  });

  it('gives the canonical text of every example with any settings, and taking them away gives the text back', () => {
    for (const example of EXAMPLES) {
      const model = modelOf(example);
      const printed = printModelText(model);
      const withTable = edited(text(printed), set(FULL));
      expect(withTable).toBe(printModelText({ ...model, table: FULL }));
      expect(edited(text(withTable), set(undefined))).toBe(printed);
    }
  });

  it('refuses a source with errors, saying where the first one is', () => {
    const result = editTableSettings(text(TEXT.replace('by email', 'by mail')), set({ pitr: true }));
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^the model has an error \(line 9, col \d+: .*mail.*\): fix it/) as unknown });
  });
});

describe('editTableSettings in problem JSON', () => {
  it('gives what problemToJson writes, for every example, adding, changing and removing the field', () => {
    for (const example of EXAMPLES) {
      const model = modelOf(example);
      const printed = problemToJson(model);
      const withTable = edited(json(printed), set(FULL));
      expect(withTable).toBe(problemToJson({ ...model, table: FULL }));
      const { read: _read, write: _write, ...onDemand } = { ...FULL, billing: 'on-demand' as const };
      expect(edited(json(withTable), set(onDemand))).toBe(problemToJson({ ...model, table: onDemand }));
      expect(edited(json(withTable), set(undefined))).toBe(printed);
    }
  });

  it('keeps the rest of a hand-written file as it is: indentation, field order, spacing', () => {
    const before = [
      '{',
      '    "name": "Shop",',
      '    "format": "ddb-design-problem/1",',
      '    "table": {"pitr": true},',
      '    "entities": [ { "name": "User", "attributes": [ { "name": "email", "type": "string" } ], "key": [ "email" ] } ],',
      '    "patterns": []',
      '}',
      '',
    ].join('\n');
    const after = edited(json(before), (t) => ({ ...t, stream: 'NEW_IMAGE' }));
    expect(after).toBe(before.replace('{"pitr": true}', '{ "stream": "NEW_IMAGE", "pitr": true }'));
    const removed = edited(json(before), set(undefined));
    expect(removed).toBe(before.replace('    "table": {"pitr": true},\n', ''));
    const added = edited(json(removed), set({ pitr: true }));
    expect(added).toBe(
      before
        .replace('"format": "ddb-design-problem/1",\n    "table": {"pitr": true},', '"format": "ddb-design-problem/1",')
        .replace('"Shop",', '"Shop",\n    "table": { "pitr": true },'),
    );
  });

  it('adds the field on the same line in a file on one line, and removes a first field with the comma after it', () => {
    const oneLine = '{"name":"Shop","entities":[{"name":"User","attributes":[{"name":"email","type":"string"}],"key":["email"]}],"patterns":[]}';
    const added = edited(json(oneLine), set({ billing: 'on-demand' }));
    expect(added).toBe(oneLine.replace('"Shop",', '"Shop", "table": { "billing": "on-demand" },'));
    const first = `{ "table": { "pitr": true }, ${oneLine.slice(1)}`;
    expect(edited(json(first), set(undefined))).toBe(`{ ${oneLine.slice(1)}`);
  });
});
