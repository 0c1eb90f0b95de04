import { describe, expect, it } from 'vitest';
import { matchesType } from './matchesType.ts';

describe('matchesType', () => {
  it('accepts values of the plain types', () => {
    expect(matchesType('x', 'string')).toBe(true);
    expect(matchesType(1.5, 'number')).toBe(true);
    expect(matchesType(false, 'boolean')).toBe(true);
  });

  it('rejects values of another type and non-finite numbers', () => {
    expect(matchesType(1, 'string')).toBe(false);
    expect(matchesType('1', 'number')).toBe(false);
    expect(matchesType(Infinity, 'number')).toBe(false);
    expect(matchesType('true', 'boolean')).toBe(false);
  });

  it('accepts real calendar dates in YYYY-MM-DD', () => {
    expect(matchesType('2024-02-29', 'date')).toBe(true);
    expect(matchesType('2023-02-29', 'date')).toBe(false);
    expect(matchesType('2024-13-01', 'date')).toBe(false);
    expect(matchesType('2024-1-01', 'date')).toBe(false);
  });

  it('accepts UTC datetimes with milliseconds only', () => {
    expect(matchesType('2024-01-02T03:04:05.678Z', 'datetime')).toBe(true);
    expect(matchesType('2024-01-02T03:04:05Z', 'datetime')).toBe(false);
    expect(matchesType('2024-01-02T24:00:00.000Z', 'datetime')).toBe(false);
    expect(matchesType('2024-01-02T03:04:05.678+01:00', 'datetime')).toBe(false);
  });
});
