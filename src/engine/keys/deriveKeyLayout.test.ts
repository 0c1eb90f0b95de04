// deriveKeyLayout turns the placed chains into the public layout: the indexes
// with their key attribute names, and each entity's label and templates (label,
// the chain's attributes, the rest of the entity's key, a terminator where a `<`
// needs one). Checked here on the layout itself, before any plan is made.
import { describe, expect, it } from 'vitest';
import { indexKeyNames } from '../design/indexKeys.ts';
import { allModels, modelFromText } from '../../testing/exampleModels.ts';
import type { KeyTemplate, Segment } from '../design/types.ts';
import type { Model } from '../model/types.ts';
import { accessNeeds } from './accessNeeds.ts';
import { deriveKeyLayout, type KeyLayout, type KeyLayoutOptions } from './deriveKeyLayout.ts';
import { entityLabels } from './entityLabels.ts';

/** A segment as text: `"LABEL"` for a literal, the attribute name for an attribute. */
const segment = (s: Segment) => (s.kind === 'literal' ? JSON.stringify(s.text) : s.kind === 'shard' ? `shard ${String(s.count)}` : s.name);
const template = (t: KeyTemplate) => `${t.pk.map(segment).join(' ')} | ${t.sk.map(segment).join(' ')}`;

/** Every entity's templates as `Entity index: pk | sk`, in layout order. */
function templates(layout: KeyLayout): string[] {
  return layout.entities.flatMap((e) => Object.entries(e.keys).map(([index, t]) => `${e.entity} ${index}: ${template(t)}`));
}

function layoutOf(model: Model, options?: KeyLayoutOptions): KeyLayout {
  return deriveKeyLayout(model, options);
}

const attributeNames = (t: KeyTemplate) => [...t.pk, ...t.sk].flatMap((s) => (s.kind === 'attribute' ? [s.name] : []));

const SHOP = modelFromText(`model "Shop"
entity User key id
  id: string
entity Account key accountId belongsTo User via userId
  accountId: string
  userId: string
entity Note key noteId belongsTo User via userId
  noteId: string
  userId: string
withNote: User by id with Note
withAccount: User by id with Account
`);

const EVENTS = modelFromText(`model "Events"
entity Event key (userId, at)
  userId: string
  at: datetime
  kind: string
before: Event by userId where at < ?
after: Event by userId where at > ?
kindBefore: Event by kind where at < ?
`);

describe('deriveKeyLayout', () => {
  it('ends every template with the rest of the entity key, after the label and the chain attributes', () => {
    const model = modelFromText(`model "Orders"
entity Order key orderId
  orderId: string
  status: string
  createdAt: datetime
byStatus: Order by status order by createdAt desc
`);
    expect(templates(layoutOf(model))).toEqual(['Order table: "ORDER" status | "ORDER" createdAt orderId']);
    // A composite key: what the chain does not hold follows it, in key order.
    expect(templates(layoutOf(EVENTS))).toEqual(['Event table: "EVENT" userId | "EVENT" at ""', 'Event GSI1: "EVENT" kind | "EVENT" at userId']);
  });

  it('ends a sort key with an empty component only where a `<` range takes its last attribute', () => {
    // before takes < on at, the last component: a terminator, shared by after on the same template.
    // kindBefore's at is followed by userId: none needed there.
    const keys = layoutOf(EVENTS).entities[0]?.keys;
    expect(keys?.table?.sk.at(-1)).toEqual({ kind: 'literal', text: '' });
    expect(keys?.GSI1?.sk.at(-1)).toEqual({ kind: 'attribute', name: 'userId' });
    // Without the < pattern: no terminator.
    const withoutLess = { ...EVENTS, patterns: EVENTS.patterns.filter((p) => p.name !== 'before') };
    expect(templates(layoutOf(withoutLess))[0]).toBe('Event table: "EVENT" userId | "EVENT" at');
  });

  it('keys every item of an entity uniquely in every index, and every entity in the table', () => {
    for (const { slug, model } of allModels()) {
      const layout = layoutOf(model);
      expect(
        layout.entities.map((e) => e.entity),
        slug,
      ).toEqual(model.entities.map((e) => e.name));
      for (const entity of model.entities) {
        const design = layout.entities.find((e) => e.entity === entity.name);
        expect(design?.keys.table, `${slug}: ${entity.name} has no table key`).toBeDefined();
        const optional = new Set(entity.attributes.filter((a) => a.optional).map((a) => a.name));
        for (const [index, t] of Object.entries(design?.keys ?? {})) {
          const names = attributeNames(t);
          for (const k of entity.key) expect(names, `${slug}: ${entity.name} ${index} lacks ${k}`).toContain(k);
          expect(new Set(names).size, `${slug}: ${entity.name} ${index} repeats an attribute`).toBe(names.length);
          expect(t.pk[0]?.kind, `${slug}: ${entity.name} ${index}`).toBe('literal');
          expect(t.sk[0]?.kind, `${slug}: ${entity.name} ${index}`).toBe('literal');
          if (index === 'table')
            expect(
              names.filter((a) => optional.has(a)),
              `${slug}: ${entity.name} table key on an optional attribute`,
            ).toEqual([]);
        }
      }
    }
  });

  it('gives an entity without a pattern, or with only a sparse template, a table key of its label and key', () => {
    const model = modelFromText(`model "Lobby"
entity Player key playerId
  playerId: string
  region: string
  rating?: number
entity Lone key (a, b)
  a: string
  b: number
top: Player by region order by rating desc
`);
    expect(templates(layoutOf(model))).toEqual([
      'Player table: "PLAYER" playerId | "PLAYER"',
      'Player GSI1: "PLAYER" region | "PLAYER" rating playerId',
      'Lone table: "LONE" a b | "LONE"',
    ]);
  });

  it('lists the table, then GSI1, GSI2…, each with the entities keyed in it in model order, and each entity’s keys in index order', () => {
    const model = modelFromText(`model "Games"
entity Player key playerId
  playerId: string
  region: string
entity Game key gameId
  gameId: string
  hostId: string
  mode: string
  createdAt: datetime
byMode: Game by mode
byHost: Game by hostId order by createdAt
byRegion: Player by region
getGame: Game by gameId returns one
`);
    const layout = layoutOf(model);
    expect(layout.indexes).toEqual([
      { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK', patterns: [], entities: ['Player', 'Game'] },
      { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK', patterns: [], entities: ['Game'] },
      { name: 'GSI2', kind: 'gsi', pkAttribute: 'GSI2PK', skAttribute: 'GSI2SK', patterns: [], entities: ['Game'] },
    ]);
    expect(templates(layout)).toEqual([
      'Player table: "PLAYER" region | "PLAYER" playerId',
      // getGame is a GetItem lookup: it takes the table; the others take GSIs in chain order.
      'Game table: "GAME" gameId | "GAME"',
      'Game GSI1: "GAME" mode | "GAME" gameId',
      'Game GSI2: "GAME" hostId | "GAME" createdAt gameId',
    ]);
    expect(Object.keys(layout.entities[1]?.keys ?? {})).toEqual(['table', 'GSI1', 'GSI2']);
    expect(layout.entityAttribute).toBe('_type');
  });

  it("keys an item collection on the parent's label and key, each member with its own sort-key label, ranked when plain labels would split a pattern's run", () => {
    // Plain labels sort ACCOUNT, NOTE, USER: withAccount would read USER and ACCOUNT around NOTE.
    // Ranked, Account and Note each sit next to User.
    const layout = layoutOf(SHOP);
    expect(templates(layout)).toEqual([
      'User table: "USER" id | "2_USER"',
      'Account table: "USER" userId | "1_ACCOUNT" accountId',
      'Note table: "USER" userId | "3_NOTE" noteId',
    ]);
    // The label itself stays plain.
    expect(layout.entities.map((e) => e.label)).toEqual(['USER', 'ACCOUNT', 'NOTE']);
    // One include alone needs no rank.
    const one = { ...SHOP, patterns: SHOP.patterns.filter((p) => p.name === 'withNote') };
    expect(templates(layoutOf(one))).toEqual([
      'User table: "USER" id | "USER"',
      'Account table: "ACCOUNT" accountId | "ACCOUNT"',
      'Note table: "USER" userId | "NOTE" noteId',
    ]);
  });

  it('keeps the labels it is given, in every template, and gives the other entities labels that differ', () => {
    const person = layoutOf(SHOP, { labels: new Map([['User', 'PERSON']]) });
    expect(person.entities.map((e) => e.label)).toEqual(['PERSON', 'ACCOUNT', 'NOTE']);
    expect(templates(person)).toEqual([
      'User table: "PERSON" id | "2_PERSON"',
      'Account table: "PERSON" userId | "1_ACCOUNT" accountId',
      'Note table: "PERSON" userId | "3_NOTE" noteId',
    ]);
    // Account keeps USER, so User takes USER_2; the ranks follow the labels' new order.
    const swapped = layoutOf(SHOP, { labels: new Map([['Account', 'USER']]) });
    expect(swapped.entities.map((e) => e.label)).toEqual(['USER_2', 'USER', 'NOTE']);
    expect(templates(swapped)).toEqual([
      'User table: "USER_2" id | "2_USER_2"',
      'Account table: "USER_2" userId | "3_USER" accountId',
      'Note table: "USER_2" userId | "1_NOTE" noteId',
    ]);
  });

  it("names the key attributes and the entity attribute so that they differ from the model's attribute names and from each other", () => {
    const model = modelFromText(`model "Names"
entity Thing key PK
  PK: string
  _PK: string
  _type: string
  x: string
  createdAt: datetime
entity Other key id
  id: string
  SK: string
  GSI1PK: string
byX: Thing by x
byCreatedAt: Thing by createdAt
`);
    const layout = layoutOf(model);
    expect(layout.entityAttribute).toBe('__type');
    expect(layout.indexes.map((i) => [i.name, ...indexKeyNames(i)])).toEqual([
      ['table', '__PK', '_SK'],
      ['GSI1', '_GSI1PK', 'GSI1SK'],
    ]);
    // On every model: all distinct, none an attribute of any entity.
    for (const { slug, model: m } of [...allModels(), { slug: 'names', model }]) {
      const l = layoutOf(m);
      const names = [l.entityAttribute, ...l.indexes.flatMap(indexKeyNames)];
      expect(new Set(names).size, slug).toBe(names.length);
      const attributes = new Set(m.entities.flatMap((e) => e.attributes.map((a) => a.name)));
      expect(
        names.filter((n) => attributes.has(n)),
        slug,
      ).toEqual([]);
    }
  });

  it("hands on the needs' diagnostics (here, a range filtered because the items are ordered by another attribute)", () => {
    const model = modelFromText(`model "Events"
entity Event key (userId, at)
  userId: string
  at: datetime
  kind: string
filtered: Event by userId where kind = ? order by at
`);
    const layout = layoutOf(model);
    expect(layout.diagnostics.map((d) => d.code)).toEqual(['keys.filtered']);
    expect(layout.diagnostics).toEqual(accessNeeds(model, entityLabels(model)).diagnostics);
  });

  it('is deterministic: the same model (or a copy of it) gives the same layout', () => {
    for (const { slug, model } of allModels()) {
      const first = layoutOf(model);
      expect(layoutOf(structuredClone(model)), slug).toEqual(first);
      expect(JSON.stringify(layoutOf(model)), slug).toBe(JSON.stringify(first));
      // Labels given back as derived change nothing.
      const labels = new Map(first.entities.map((e) => [e.entity, e.label]));
      expect(layoutOf(model, { labels }), slug).toEqual(first);
    }
  });
});

describe('deriveKeyLayout: fixed attributes are equalities, keyed like parameters', () => {
  const GAMES = modelFromText(`model "Games"
entity Game key gameId
  gameId: string
  hostId: string
  status: "open" | "playing" | "done"
  mode?: string
  level: number
  createdAt: datetime
byStatus: Game by status order by createdAt desc
openGames: Game where status = "open" order by createdAt desc limit 10
doneGames: Game where status = "done" order by createdAt desc
openByMode: Game by mode where status = "open" and createdAt >= ? oldest first
byHost: Game by hostId order by createdAt desc
levelTwoOfHost: Game by hostId where level = 2 order by createdAt desc limit 1 returns one
`);

  it('gives patterns that fix an attribute the template of the patterns that take it as a parameter, and shares one need between them', () => {
    const needs = accessNeeds(GAMES, entityLabels(GAMES)).needs.filter((n) => n.kind === 'pattern');
    expect(needs.map((n) => [n.patterns, n.eq, n.next ?? null, n.op ?? null])).toEqual([
      [['byStatus', 'openGames', 'doneGames'], ['status'], 'createdAt', null],
      [['openByMode'], ['mode', 'status'], 'createdAt', '>='],
      [['byHost'], ['hostId'], 'createdAt', null],
      [['levelTwoOfHost'], ['hostId', 'level'], 'createdAt', null],
    ]);
    // The fixed attribute is in the template: every record has keys there, whatever its value.
    expect(templates(layoutOf(GAMES))).toEqual([
      'Game table: "GAME" status | "GAME" createdAt gameId',
      'Game GSI1: "GAME" hostId | "GAME" createdAt gameId',
      'Game GSI2: "GAME" status mode | "GAME" createdAt gameId',
      'Game GSI3: "GAME" hostId level | "GAME" createdAt gameId',
    ]);
  });

  it('keys fixed attributes natively too (the literal is a typed operand of the query), in native mode', () => {
    const native = layoutOf(GAMES, { keys: 'native' });
    expect(
      native.indexes.filter((i) => i.keys === 'native').map((i) => (i.keys === 'native' ? [...i.pk, ...i.sk].map((a) => `${a.name}:${a.type}`).join(' ') : '')),
    ).toEqual(['_type:S hostId:S createdAt:S', '_type:S status:S mode:S createdAt:S', '_type:S hostId:S level:N createdAt:S']);
  });
});
