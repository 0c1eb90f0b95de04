import { describe, expect, it } from 'vitest';
import { joinPath, parentPath } from './jsonPath.ts';

describe('joinPath', () => {
  it('writes fields with dots and items with brackets', () => {
    expect(joinPath(joinPath(joinPath(joinPath('', 'entities'), 1), 'attributes'), 0)).toBe('entities[1].attributes[0]');
  });

  it('quotes field names that are not identifiers', () => {
    expect(joinPath('entities[0]', 'a.b')).toBe('entities[0]["a.b"]');
    expect(joinPath('', 'my field')).toBe('["my field"]');
  });
});

describe('parentPath', () => {
  it('goes up one step at a time to the root', () => {
    expect(parentPath('patterns[3].equals[0]')).toBe('patterns[3].equals');
    expect(parentPath('patterns[3].equals')).toBe('patterns[3]');
    expect(parentPath('patterns[3]')).toBe('patterns');
    expect(parentPath('patterns')).toBe('');
    expect(parentPath('')).toBeUndefined();
  });

  it('is not fooled by brackets and dots inside a quoted field name', () => {
    expect(parentPath('entities[0]["a].b["]')).toBe('entities[0]');
  });
});
