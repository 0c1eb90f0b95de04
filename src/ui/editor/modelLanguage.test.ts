// The highlighting grammar, run by Monaco's own Monarch tokenizer (no editor, no DOM).
import { describe, expect, it } from 'vitest';
import { enterAction, modelLanguage } from './modelLanguage.ts';

interface Tokenizer {
  getInitialState(): unknown;
  tokenize(line: string, hasEOL: boolean, state: unknown): { tokens: { offset: number; type: string }[]; endState: unknown };
}

/** Each line's words with their token types (`word:type`), the state carried from line to line as in the editor. */
async function highlight(lines: readonly string[]): Promise<string[][]> {
  // Monaco's internals have no type declarations: a specifier TypeScript does not resolve.
  const base = 'monaco-editor/editor/standalone/common/monarch/';
  const { compile } = (await import(/* @vite-ignore */ `${base}monarchCompile.js`)) as { compile: (id: string, language: unknown) => unknown };
  const { MonarchTokenizer } = (await import(/* @vite-ignore */ `${base}monarchLexer.js`)) as { MonarchTokenizer: new (...args: unknown[]) => Tokenizer };
  const configuration = { getValue: () => 20_000, onDidChangeConfiguration: () => ({ dispose() {} }) };
  const tokenizer = new MonarchTokenizer({}, {}, 'model', compile('model', modelLanguage), configuration);
  let state = tokenizer.getInitialState();
  return lines.map((line) => {
    const { tokens, endState } = tokenizer.tokenize(line, true, state);
    state = endState;
    return tokens.flatMap((t, i) => {
      const text = line.slice(t.offset, tokens[i + 1]?.offset ?? line.length).trim();
      return text === '' ? [] : [`${text}:${t.type.replace(/\.model$/, '')}`];
    });
  });
}

describe('the highlighting grammar', () => {
  it('colours the table line: its clause words as keywords and its values as types, there only', async () => {
    const [table, blank, header, attribute, pattern, quoted] = await highlight([
      'table App billing on-demand read 5 class STANDARD pitr off # why',
      '',
      'entity Order key read unique (a, b) version v ttl t',
      '  class: string',
      'table: Order by read',
      'table "billing" billing provisioned',
    ]);
    expect(table).toEqual([
      'table:keyword',
      'App:identifier',
      'billing:keyword',
      'on-demand:type',
      'read:keyword',
      '5:number',
      'class:keyword',
      'STANDARD:type',
      'pitr:keyword',
      'off:keyword',
      '# why:comment',
    ]);
    expect(blank).toEqual([]);
    expect(header).toEqual([
      'entity:keyword',
      'Order:entity.name',
      'key:keyword',
      'read:identifier',
      'unique:keyword',
      '(:delimiter',
      'a:identifier',
      ',:delimiter',
      'b:identifier',
      '):delimiter',
      'version:keyword',
      'v:identifier',
      'ttl:keyword',
      't:identifier',
    ]);
    expect(attribute).toEqual(['class:identifier', '::delimiter', 'string:type']);
    expect(pattern).toEqual(['table:pattern.name', '::delimiter', 'Order:entity.name', 'by:keyword', 'read:identifier']);
    expect(quoted).toEqual(['table:keyword', '"billing":string', 'billing:keyword', 'provisioned:type']);
  });
});

describe('Enter in the model text', () => {
  it('indents after an entity header, goes back to column 1 from an empty attribute line, else keeps the indentation', () => {
    expect(enterAction('entity Order key orderId')).toBe('indent');
    expect(enterAction('entity Order key orderId  # orders')).toBe('indent');
    expect(enterAction('  ')).toBe('outdent');
    expect(enterAction('  total: number')).toBe('keep');
    expect(enterAction('getOrder: Order by orderId')).toBe('keep');
    expect(enterAction('')).toBe('keep');
  });
});
