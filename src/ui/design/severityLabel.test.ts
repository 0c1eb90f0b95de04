import { describe, expect, it } from 'vitest';
import { severityLabel } from './severityLabel.ts';

describe('severityLabel', () => {
  it('labels engine.internal a Tablewright bug, by its code, and the rest by severity', () => {
    expect(severityLabel({ code: 'engine.internal', severity: 'error' })).toBe('Tablewright bug');
    expect(severityLabel({ code: 'keys.includeNeedsKey', severity: 'error' })).toBe('Error');
    expect(severityLabel({ code: 'keys.hotPartition', severity: 'warning' })).toBe('Warning');
  });
});
