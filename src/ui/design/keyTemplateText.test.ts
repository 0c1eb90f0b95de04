import { describe, expect, it } from 'vitest';
import { keyTemplateText } from './keyTemplateText.ts';

describe('keyTemplateText', () => {
  it('writes literals as they are and attributes in braces, joined by #', () => {
    expect(
      keyTemplateText([
        { kind: 'literal', text: 'USER' },
        { kind: 'attribute', name: 'email' },
      ]),
    ).toBe('USER#{email}');
  });

  it('writes a sort key of several attributes in template order', () => {
    expect(
      keyTemplateText([
        { kind: 'literal', text: 'ORDER' },
        { kind: 'attribute', name: 'createdAt' },
        { kind: 'attribute', name: 'orderId' },
      ]),
    ).toBe('ORDER#{createdAt}#{orderId}');
  });

  it('gives an empty text for an empty template', () => {
    expect(keyTemplateText([])).toBe('');
  });
});
