import { describe, expect, it } from 'vitest';
import type { Entity, Pattern } from '../model/types.ts';
import { DEFAULT_ENTITY_WRITES, DEFAULT_PATTERN_RATE, entityWrites, patternRate } from './workload.ts';

const pattern = (rate?: Pattern['rate']): Pattern => ({ name: 'p', entity: 'E', equals: [], returns: 'many', ...(rate ? { rate } : {}) });
const entity = (writes?: Entity['writes']): Entity => ({ name: 'E', attributes: [], key: [], belongsTo: [], ...(writes ? { writes } : {}) });

describe('workload', () => {
  it("takes the model's rates, the peak being the average when not given", () => {
    expect(patternRate(pattern({ avg: 20, peak: 400 }))).toEqual({ avg: 20, peak: 400, isDefault: false });
    expect(patternRate(pattern({ avg: 20 }))).toEqual({ avg: 20, peak: 20, isDefault: false });
    expect(entityWrites(entity({ avg: 0 }))).toEqual({ avg: 0, peak: 0, isDefault: false });
  });

  it('falls back to the defaults, marked as defaults', () => {
    expect(patternRate(pattern())).toEqual({ ...DEFAULT_PATTERN_RATE, isDefault: true });
    expect(entityWrites(entity())).toEqual({ ...DEFAULT_ENTITY_WRITES, isDefault: true });
  });
});
