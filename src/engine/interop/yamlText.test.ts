// yamlText: what YAML readers of both versions read back is the data printed, words that a reader
// would take for a boolean, null or number stay strings, and every character survives.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HOSTILE_TEXTS } from '../../testing/hostileInputs.ts';
import { yamlString, yamlText, type YamlValue } from './yamlText.ts';

const both = (text: string) => [parse(text), parse(text, { version: '1.1' })];

describe('yamlText', () => {
  it('prints nested mappings and sequences that read back as the data', () => {
    const data: YamlValue = { a: 'x', b: [1, 2.5, -3], c: [{ d: true, e: null, f: [] }, [{}]], g: {}, 'h i': { j: [['k']] } };
    expect(both(yamlText(data))).toEqual([data, data]);
  });

  it('drops undefined fields, as JSON does', () => {
    expect(parse(yamlText({ a: 1, b: undefined }))).toEqual({ a: 1 });
  });

  it('keeps plain only the words every reader takes as that string', () => {
    expect(yamlString('AWS::DynamoDB::Table')).toBe('AWS::DynamoDB::Table');
    expect(yamlString('GSI1PK')).toBe('GSI1PK');
    const tricky = [
      'yes',
      'No',
      'ON',
      'off',
      'y',
      'n',
      'true',
      'False',
      'null',
      'NULL',
      '~',
      '',
      '1',
      '0x1F',
      '1e3',
      '.inf',
      '.NaN',
      '012',
      '1:30',
      '2024-01-01',
      'a: b',
      'a #b',
      '- a',
      '[a]',
      '{a}',
      '*a',
      '&a',
      '!a',
      '%a',
      '@a',
      '`a',
      "'a'",
      '"a"',
      '|',
      '>',
      'a:',
      ' a',
      'a ',
      '?',
      'a::',
      '::a',
    ];
    for (const word of tricky) {
      const text = yamlText({ k: word, [word]: 'v' });
      expect(both(text)).toEqual([
        { k: word, [word]: 'v' },
        { k: word, [word]: 'v' },
      ]);
    }
  });

  it.each(HOSTILE_TEXTS.map((text, i) => ({ text, i })))('keeps hostile text $i one string, as it was', ({ text }) => {
    const data = { Description: text, List: [text, { [text]: text }] };
    expect(both(yamlText(data))).toEqual([data, data]);
  });

  it('escapes the characters YAML 1.1 takes as line breaks, and those it does not allow', () => {
    for (const c of ['\u0085', '\u2028', '\u2029', '\u007f', '\u0080', '\ufeff', '\ufffe', '\u0000', '\t', '\r\n']) {
      const data = { k: `a${c}b` };
      expect(yamlText(data)).not.toContain(c);
      expect(both(yamlText(data))).toEqual([data, data]);
    }
  });
});
