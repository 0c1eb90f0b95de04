// The generated module with optional attributes: a record may leave one out,
// its item leaves it out (undefined and null too) and is in no GSI keyed on it,
// and fromItem gives exactly the record's own attributes back.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOBBY_TEXT, modelFromText } from '../../testing/exampleModels.ts';
import { typeCheckModules } from '../../testing/typeCheckModules.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { fromItem, toItem } from '../design/items.ts';
import type { Item } from '../design/types.ts';
import { generateModule } from './generateModule.ts';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

const design = deriveDesign(modelFromText(LOBBY_TEXT));
const code = generateModule(design);

interface Module {
  toItem: (entity: string, record: unknown) => Item;
  fromItem: (item: unknown) => { entity: string; record: Record<string, unknown> };
}
let dir: string;
let mod: Module;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(root, 'node_modules', '.tw-optional-'));
  const file = path.join(dir, 'lobby.ts');
  fs.writeFileSync(file, code);
  mod = (await import(pathToFileURL(file).href)) as Module;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('generated module: optional attributes', () => {
  it('types an optional attribute as an optional property, says which index is sparse, and type-checks', () => {
    expect(code).toContain('  mode?: "solo" | "duo";\n  score?: number;\n  createdAt: string;');
    expect(code).toContain(
      "    // Sparse: only records that have mode and score are in GSI1.\n    {\n      index: 'GSI1', attributes: ['mode', 'score', 'gameId'],",
    );
    // A GSI's keys are written only when the record holds every attribute they are made of.
    expect(code).toContain('    if (i > 0 && !index.attributes.every((name) => record[name] !== undefined)) continue;');
    expect(typeCheckModules([path.join(dir, 'lobby.ts')])).toEqual([]);
  });

  it('stores a record without the attribute outside the sparse index, and reads it back without it', () => {
    const full = { gameId: 'g1', hostId: 'h', mode: 'solo', score: 20, createdAt: '2024-01-01T00:00:00.000Z' };
    const lacking = { gameId: 'g2', hostId: 'h', mode: 'duo', createdAt: '2024-01-02T00:00:00.000Z' };
    expect(mod.toItem('Game', full)).toMatchObject({ GSI1PK: 'GAME#solo' });
    const item = mod.toItem('Game', lacking);
    expect(Object.keys(item).sort()).toEqual(['PK', 'SK', '_type', 'createdAt', 'gameId', 'hostId', 'mode']);
    expect(item).toEqual(toItem(design, 'Game', lacking));
    expect(mod.fromItem(item)).toEqual({ entity: 'Game', record: lacking });
    expect(mod.fromItem(item)).toEqual(fromItem(design, item));
  });

  it('leaves undefined and null out: never stored, never read back, never checked as a number', () => {
    const given = { gameId: 'g3', hostId: 'h', mode: undefined, score: null, createdAt: '2024-01-03T00:00:00.000Z' };
    const item = mod.toItem('Game', given);
    expect(Object.keys(item).sort()).toEqual(['PK', 'SK', '_type', 'createdAt', 'gameId', 'hostId']);
    expect(mod.fromItem({ ...item, score: null }).record).toEqual({ gameId: 'g3', hostId: 'h', createdAt: '2024-01-03T00:00:00.000Z' });
  });
});
