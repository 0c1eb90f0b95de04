import { describe, expect, it } from 'vitest';
import {
  billingPatch,
  capacityPatch,
  capacityProblem,
  classPatch,
  DEFAULT_CAPACITY,
  describeTable,
  namePatch,
  nameProblem,
  patchTable,
  streamPatch,
  switchPatch,
  uniqueSetText,
} from './tableSettingsForm.ts';

describe('the table settings form', () => {
  it('takes a capacity of whole units, 1 or more, and says why it refuses anything else', () => {
    expect(capacityProblem('read', '20')).toBeUndefined();
    expect(capacityProblem('write', ' 7 ')).toBeUndefined();
    expect(capacityProblem('read', '0')).toBe('read capacity must be a whole number of units, 1 or more (found "0")');
    expect(capacityProblem('read', 'ten')).toMatch(/found "ten"/);
    for (const text of ['1.5', '-3', '1e3', '99999999999999999999']) expect(capacityProblem('write', text)).toMatch(/^write capacity must be a whole number/);
    expect(capacityProblem('read', '')).toMatch(/^read capacity is needed with provisioned billing/);
  });

  it("takes DynamoDB's table names, and empty for the default", () => {
    expect(nameProblem('')).toBeUndefined();
    expect(nameProblem('Shop.orders-2')).toBeUndefined();
    expect(nameProblem('my table')).toMatch(/^table name "my table" contains a space at position 3/);
    expect(nameProblem('ab')).toMatch(/has 2 characters/);
  });

  it('drops a clause when the choice is the default, and the settings when none is left', () => {
    expect(patchTable(undefined, streamPatch('NEW_IMAGE'))).toEqual({ stream: 'NEW_IMAGE' });
    expect(patchTable({ stream: 'NEW_IMAGE', pitr: true }, streamPatch(''))).toEqual({ pitr: true });
    expect(patchTable({ pitr: true }, switchPatch('pitr', false))).toBeUndefined();
    expect(patchTable({ pitr: false }, switchPatch('pitr', true))).toEqual({ pitr: true });
    expect(patchTable({ tableClass: 'STANDARD_INFREQUENT_ACCESS' }, classPatch('STANDARD'))).toBeUndefined();
    expect(patchTable({ name: 'Shop' }, namePatch('  '))).toBeUndefined();
    expect(patchTable(undefined, namePatch(' Shop '))).toEqual({ name: 'Shop' });
    expect(patchTable({ billing: 'provisioned', read: 5, write: 5 }, capacityPatch('read', ' 20'))).toEqual({ billing: 'provisioned', read: 20, write: 5 });
  });

  it('gives provisioned billing capacity (the units stated, else the default) and takes it away on demand', () => {
    expect(patchTable({ name: 'Shop' }, billingPatch('provisioned', { name: 'Shop' }))).toEqual({
      name: 'Shop',
      billing: 'provisioned',
      read: DEFAULT_CAPACITY,
      write: DEFAULT_CAPACITY,
    });
    const provisioned = { billing: 'provisioned' as const, read: 20, write: 10, pitr: true };
    expect(patchTable(provisioned, billingPatch('on-demand', provisioned))).toEqual({ pitr: true });
  });

  it('says how the table is created, marking what the model leaves to the defaults', () => {
    expect(describeTable(undefined, 'Shop')).toEqual([
      'name Shop (default)',
      'billing on-demand (default)',
      'no stream (default)',
      'class STANDARD (default)',
      'point-in-time recovery off (default)',
      'deletion protection off (default)',
    ]);
    expect(
      describeTable(
        { name: 'T1', billing: 'provisioned', read: 20, write: 10, stream: 'KEYS_ONLY', pitr: true, deletionProtection: false, tableClass: 'STANDARD' },
        'T1',
      ),
    ).toEqual([
      'name T1',
      'billing provisioned: 20 read and 10 write units, on the table and each GSI',
      'stream KEYS_ONLY',
      'class STANDARD',
      'point-in-time recovery on',
      'deletion protection off',
    ]);
  });

  it('writes unique sets as the text form does', () => {
    expect(uniqueSetText(['email'])).toBe('email');
    expect(uniqueSetText(['tenant', 'code'])).toBe('(tenant, code)');
  });
});
