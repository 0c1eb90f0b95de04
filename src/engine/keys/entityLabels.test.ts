// Entity labels start every key: upper-case words joined by `_`, one per
// entity, never two alike; labels kept from a previous design stay, and the new
// ones avoid them.
import { describe, expect, it } from 'vitest';
import type { Model } from '../model/types.ts';
import { entityLabels } from './entityLabels.ts';

/** A model of entities with these names (labels read nothing else). */
function model(...names: string[]): Model {
  return { name: 'Labels', entities: names.map((name) => ({ name, attributes: [{ name: 'id', type: 'string' }], key: ['id'], belongsTo: [] })), patterns: [] };
}

/** The labels in model order. */
function labels(names: string[], kept?: ReadonlyMap<string, string>): string[] {
  const m = model(...names);
  const out = entityLabels(m, kept);
  expect(out.size).toBe(names.length);
  return m.entities.map((e) => out.get(e.name) ?? '(none)');
}

describe('entityLabels', () => {
  it('upper-cases the words of each name and joins them with _', () => {
    expect(labels(['User', 'GameScore', 'imageURLPath', 'item2Id', 'HTTPRequest', 'ALLCAPS', 'snake_case', 'X'])).toEqual([
      'USER',
      'GAME_SCORE',
      'IMAGE_URL_PATH',
      'ITEM2_ID',
      'HTTP_REQUEST',
      'ALLCAPS',
      'SNAKE_CASE',
      'X',
    ]);
  });

  it('numbers labels that would repeat, from 2, skipping numbers already taken', () => {
    expect(labels(['GameScore', 'Game_Score', 'gameScore'])).toEqual(['GAME_SCORE', 'GAME_SCORE_2', 'GAME_SCORE_3']);
    // GAME_SCORE_2 is an entity's own label: the copy of GAME_SCORE takes 3.
    expect(labels(['GameScore', 'GAME_SCORE_2', 'Game_Score'])).toEqual(['GAME_SCORE', 'GAME_SCORE_2', 'GAME_SCORE_3']);
    // The first in model order keeps the plain label.
    expect(labels(['Game_Score', 'GameScore'])).toEqual(['GAME_SCORE', 'GAME_SCORE_2']);
  });

  it('keeps the labels given, whatever their form, and gives the other entities labels that differ from them', () => {
    const kept = new Map([
      ['Order', 'USER'],
      ['Item', 'legacy-item'],
    ]);
    // User comes first in the model, but Order keeps USER: User takes USER_2.
    expect(labels(['User', 'Order', 'Item'], kept)).toEqual(['USER_2', 'USER', 'legacy-item']);
    // Numbers taken by kept labels are skipped too.
    expect(
      labels(
        ['User', 'Order', 'Admin'],
        new Map([
          ['Order', 'USER'],
          ['Admin', 'USER_2'],
        ]),
      ),
    ).toEqual(['USER_3', 'USER', 'USER_2']);
  });

  it('keeps a label given to two entities for the first only (in model order); the other gets a label of its own', () => {
    const kept = new Map([
      ['Order', 'SHARED'],
      ['Item', 'SHARED'],
    ]);
    expect(labels(['Item', 'Order'], kept)).toEqual(['SHARED', 'ORDER']);
    // Its own label may be taken too: then it is numbered.
    expect(
      labels(
        ['Shared', 'Other'],
        new Map([
          ['Shared', 'OTHER'],
          ['Other', 'OTHER'],
        ]),
      ),
    ).toEqual(['OTHER', 'OTHER_2']);
  });

  it('ignores kept labels of entities the model no longer has', () => {
    expect(labels(['User'], new Map([['Ghost', 'GHOST']]))).toEqual(['USER']);
  });

  it('labels odd names: leading underscores, names of Object.prototype members, the empty name', () => {
    expect(labels(['_internal', '__proto__', 'constructor', 'toString', 'hasOwnProperty'])).toEqual([
      '_INTERNAL',
      '__PROTO__',
      'CONSTRUCTOR',
      'TO_STRING',
      'HAS_OWN_PROPERTY',
    ]);
    expect(labels(['', 'Entity'])).toEqual(['ENTITY', 'ENTITY_2']);
    expect(labels(['Entity', ''])).toEqual(['ENTITY', 'ENTITY_2']);
  });

  it('gives labels of [A-Z0-9_] only, distinct, for identifier names', () => {
    const names = ['A', 'a', 'aB', 'a_b', 'A_B', 'AB', 'ab', 'a1', 'A1b', 'x2Y3', '_', '__', 'Ab_Cd', 'abCD', 'ABCd'];
    const out = labels(names);
    expect(new Set(out).size).toBe(names.length);
    for (const label of out) expect(label).toMatch(/^[A-Z0-9_]+$/);
  });

  it('is deterministic and leaves its inputs alone', () => {
    const m = model('User', 'GameScore', 'Game_Score');
    const kept = new Map([['GameScore', 'GS']]);
    const copy = structuredClone(m);
    const first = entityLabels(m, kept);
    expect(entityLabels(m, kept)).toEqual(first);
    expect(m).toEqual(copy);
    expect([...kept]).toEqual([['GameScore', 'GS']]);
  });
});
