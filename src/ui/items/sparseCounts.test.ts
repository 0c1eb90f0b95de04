import { describe, expect, it } from 'vitest';
import { deriveDesign, parseModelText, toItem } from '../../engine/index.ts';
import type { Design, Item, RecordValue } from '../../engine/index.ts';
import { nativeDesign } from '../../testing/nativeDesign.ts';
import { attributeList, heldAttributesText, leftOutShare, sparseCounts, sparseNote } from './sparseCounts.ts';
import type { SparseCount } from './sparseCounts.ts';

const MODEL = `model "Players"

entity Player key playerId count 4
  playerId: string
  region: "eu" | "us"
  joinedAt: datetime
  rating?: number
  bio?: string

entity Game key gameId count 3
  gameId: string
  status: "open" | "done"
  score?: number

getPlayer: Player by playerId returns one
getNewest: Player by region order by joinedAt desc
getTopRated: Player by region order by rating desc
getByBio: Player by bio order by rating desc
getGames: Game by status order by score desc
`;

function design(text = MODEL): Design {
  const parsed = parseModelText(text);
  if (!parsed.model) throw new Error(JSON.stringify(parsed.diagnostics));
  return deriveDesign(parsed.model);
}

const player = (id: string, extra: RecordValue = {}): RecordValue => ({ playerId: id, region: 'eu', joinedAt: '2024-01-01T00:00:00Z', ...extra });
const game = (id: string, extra: RecordValue = {}): RecordValue => ({ gameId: id, status: 'open', ...extra });

describe('sparseCounts', () => {
  const d = design();
  const items = [
    toItem(d, 'Player', player('a', { rating: 4, bio: 'hi' })),
    toItem(d, 'Player', player('b', { rating: 3 })),
    toItem(d, 'Player', player('c', { bio: 'no rating' })),
    toItem(d, 'Player', player('d')),
    toItem(d, 'Game', game('g1', { score: 10 })),
    toItem(d, 'Game', game('g2')),
    toItem(d, 'Game', game('g3')),
  ];

  it('counts, per sparse index and entity, the sample items and those that have its key attributes', () => {
    // The layout the counts are about: GSI1 keys Player on region (not sparse) and Game on score;
    // GSI2 keys Player on rating; GSI3 on bio and rating.
    expect(sparseCounts(d, items)).toEqual([
      { index: 'GSI1', entity: 'Game', attributes: ['score'], total: 3, held: 1 },
      { index: 'GSI2', entity: 'Player', attributes: ['rating'], total: 4, held: 2 },
      { index: 'GSI3', entity: 'Player', attributes: ['bio', 'rating'], total: 4, held: 1 },
    ]);
  });

  it('reads which items an index holds from their key attributes, not from their records', () => {
    // An item with the attribute but without the index's keys is not in the index (and the other way round).
    const without = (item: Item | undefined, name: string): Item => Object.fromEntries(Object.entries(item ?? {}).filter(([key]) => key !== name));
    const edited = [without(items[0], 'GSI2PK'), without(items[1], 'rating')];
    expect(sparseCounts(d, edited).find((c) => c.index === 'GSI2')).toMatchObject({ total: 2, held: 1 });
  });

  it('is empty for a design with no optional attribute in a key, and counts zero with no items', () => {
    expect(sparseCounts(design(MODEL.replace(/^get(TopRated|ByBio|Games):.*\n/gm, '')), items)).toEqual([]);
    expect(sparseCounts(d, []).map((c) => [c.total, c.held])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
  });
});

describe('sparseCounts on a native GSI', () => {
  const { design: native } = nativeDesign();
  const order = (id: string, extra: RecordValue = {}): Item => toItem(native, 'Order', { orderId: id, customerId: 'c', status: 'open', total: 10, ...extra });

  it('counts the items that have every key attribute of the index, of its type', () => {
    // GSI3 is keyed on _type + coupon / total; coupon is optional. GSI2 (status, total: both required) is not sparse.
    const items = [
      order('a', { coupon: 'x' }),
      order('b', { coupon: 'y' }),
      order('c'),
      { ...order('d'), coupon: 42 },
      toItem(native, 'Customer', { customerId: 'c', name: 'C' }),
    ];
    expect(sparseCounts(native, items)).toEqual([{ index: 'GSI3', entity: 'Order', attributes: ['coupon'], total: 4, held: 2 }]);
    expect(sparseNote({ index: 'GSI3', entity: 'Order', attributes: ['coupon'], total: 4, held: 2 })).toBe(
      'GSI3 is sparse: it holds the 2 of 4 Order items that have coupon (2 without it are not in it)',
    );
  });
});

describe('heldAttributesText', () => {
  it("names a composite index's two attributes, and a native index's with their types", () => {
    const [, gsi1, gsi2] = nativeDesign().design.indexes;
    if (!gsi1 || !gsi2) throw new Error('no GSIs');
    expect(heldAttributesText(gsi1)).toBe('GSI1PK and GSI1SK');
    expect(heldAttributesText(gsi2)).toBe('_type and status as strings and total as a number');
    const n = (name: string) => ({ name, type: 'N' as const });
    expect(heldAttributesText({ name: 'G', kind: 'gsi', keys: 'native', pk: [{ name: '_type', type: 'S' }], sk: [n('a'), n('b'), n('c')] })).toBe(
      '_type as a string and a, b and c as numbers',
    );
  });
});

const count = (over: Partial<SparseCount> = {}): SparseCount => ({ index: 'GSI2', entity: 'Player', attributes: ['rating'], total: 60, held: 41, ...over });

describe('sparseNote', () => {
  it('says which items the index holds and how many are not in it', () => {
    expect(sparseNote(count())).toBe('GSI2 is sparse: it holds the 41 of 60 Player items that have rating (19 without it are not in it)');
  });

  it('names every optional attribute and agrees in number', () => {
    expect(sparseNote(count({ attributes: ['bio', 'rating'], total: 2, held: 1 }))).toBe(
      'GSI2 is sparse: it holds the 1 of 2 Player items that has bio and rating (1 lacking one of them is not in it)',
    );
    expect(sparseNote(count({ total: 1200, held: 1200 }))).toBe(
      'GSI2 is sparse: it holds the 1,200 of 1,200 Player items that have rating (none lacks it in this sample)',
    );
  });
});

describe('leftOutShare', () => {
  it('is the share of the entity not in the index, never rounded to 0% or 100% when some are in and some out', () => {
    expect(leftOutShare(count())).toBe('32%');
    expect(leftOutShare(count({ total: 1000, held: 999 }))).toBe('under 1%');
    expect(leftOutShare(count({ total: 1000, held: 1 }))).toBe('over 99%');
    expect(leftOutShare(count({ total: 10, held: 0 }))).toBe('100%');
    expect(leftOutShare(count({ total: 10, held: 10 }))).toBe('0%');
    expect(leftOutShare(count({ total: 0, held: 0 }))).toBe('0%');
  });
});

describe('attributeList', () => {
  it('joins names with commas and a final "and"', () => {
    expect(attributeList(['rating'])).toBe('rating');
    expect(attributeList(['bio', 'rating'])).toBe('bio and rating');
    expect(attributeList(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
