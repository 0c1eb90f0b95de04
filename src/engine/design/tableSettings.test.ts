// The settings CreateTable cannot carry (time to live, point-in-time recovery) and the warnings about the
// entities' ttl across the table: one TTL attribute per table, and a number attribute of that name on an
// entity that does not mean it as an expiry. Models made in code.
import { describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import type { Entity, Model } from '../model/types.ts';
import { deriveDesign } from './deriveDesign.ts';
import { designLayout } from './designJson.ts';
import { planDesign } from './planDesign.ts';
import { TABLE_SETTINGS_DIAGNOSTIC_CODES, tableSettings } from './tableSettings.ts';

const entity = (name: string, extra: Partial<Entity> = {}, attributes: Entity['attributes'] = []): Entity => ({
  name,
  attributes: [{ name: 'id', type: 'string' }, ...attributes],
  key: ['id'],
  belongsTo: [],
  ...extra,
});
const expiresAt = { name: 'expiresAt', type: 'number' } as const;
const validUntil = { name: 'validUntil', type: 'number' } as const;
const modelOf = (entities: Entity[], table?: Model['table']): Model => ({ name: 'Sessions', entities, patterns: [], ...(table ? { table } : {}) });

describe('tableSettings', () => {
  it('has no TTL and no point-in-time recovery for a model that states neither, and no warnings', () => {
    const model = exampleModel('ecommerce');
    expect(tableSettings({ model })).toEqual({ ttlEntities: [], pitr: false, diagnostics: [] });
    expect(tableSettings(deriveDesign(model))).toEqual({ ttlEntities: [], pitr: false, diagnostics: [] });
  });

  it('takes the entities’ ttl attribute as the table’s, and pitr from the table', () => {
    const model = modelOf([entity('Session', { ttl: 'expiresAt' }, [expiresAt]), entity('User'), entity('Token', { ttl: 'expiresAt' }, [expiresAt])], {
      pitr: true,
    });
    expect(tableSettings({ model })).toEqual({ ttlAttribute: 'expiresAt', ttlEntities: ['Session', 'Token'], pitr: true, diagnostics: [] });
    expect(tableSettings({ model: { ...model, table: { pitr: false } } }).pitr).toBe(false);
  });

  it('warns at each entity whose ttl differs from the first one: DynamoDB has one TTL attribute per table', () => {
    const model = modelOf([
      entity('User'),
      entity('Session', { ttl: 'expiresAt' }, [expiresAt]),
      entity('Token', { ttl: 'validUntil' }, [validUntil]),
      entity('Invite', { ttl: 'validUntil' }, [validUntil]),
    ]);
    const settings = tableSettings({ model });
    expect(settings.ttlAttribute).toBe('expiresAt');
    expect(settings.ttlEntities).toEqual(['Session']);
    expect(settings.diagnostics.map((d) => [d.code, d.severity, d.path, d.subject])).toEqual([
      ['design.ttlConflict', 'warning', 'entities[2].ttl', { entity: 'Token' }],
      ['design.ttlConflict', 'warning', 'entities[3].ttl', { entity: 'Invite' }],
    ]);
    expect(settings.diagnostics[0]?.message).toBe(
      `Token's ttl is "validUntil", but the table's time to live is already "expiresAt" (Session's ttl): DynamoDB allows one TTL attribute per table, so Token's items will never expire. Use one attribute name for every entity's ttl.`,
    );
  });

  it('warns at a number attribute of the TTL attribute’s name on an entity that declares no ttl (DynamoDB would expire its items)', () => {
    const model = modelOf([
      entity('Session', { ttl: 'expiresAt' }, [expiresAt]),
      entity('Coupon', {}, [{ name: 'code', type: 'string' }, expiresAt]),
      // Not a number: DynamoDB's TTL skips it.
      entity('Notice', {}, [{ name: 'expiresAt', type: 'datetime' }]),
    ]);
    const [d, ...rest] = tableSettings({ model }).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ code: 'design.ttlShared', severity: 'warning', path: 'entities[1].attributes[2]', subject: { entity: 'Coupon' } });
    expect(d?.message).toMatch(/^Coupon has a number attribute "expiresAt", the table's TTL attribute \(Session's ttl\): .* deleted once that time has passed/);
  });

  it('reaches every code it declares', () => {
    const model = modelOf([
      entity('Session', { ttl: 'expiresAt' }, [expiresAt]),
      entity('Token', { ttl: 'validUntil' }, [validUntil]),
      entity('Coupon', {}, [expiresAt]),
    ]);
    expect(new Set(tableSettings({ model }).diagnostics.map((d) => d.code))).toEqual(new Set(TABLE_SETTINGS_DIAGNOSTIC_CODES));
  });

  it('puts its warnings in the design, derived or planned on a layout read back', () => {
    const shop = exampleModel('ecommerce');
    const model: Model = {
      ...shop,
      table: { pitr: true },
      entities: shop.entities.map((e, i) =>
        i === 0
          ? { ...e, attributes: [...e.attributes, expiresAt], ttl: 'expiresAt' }
          : i === 1
            ? { ...e, attributes: [...e.attributes, validUntil], ttl: 'validUntil' }
            : e,
      ),
    };
    const derived = deriveDesign(model);
    const codes = (ds: { code: string }[]) => ds.map((d) => d.code).filter((c) => c.startsWith('design.'));
    expect(codes(derived.diagnostics)).toEqual(['design.ttlConflict']);
    expect(codes(planDesign(model, designLayout(derived)).diagnostics)).toEqual(['design.ttlConflict']);
    // The plans do not change: the settings are about the table, not the keys.
    expect(derived.patterns).toEqual(deriveDesign(shop).patterns);
  });
});
