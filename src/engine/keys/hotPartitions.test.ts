// hotPartitions reads warnings off a layout and the plans made on it: a
// template read by some pattern whose partition key is a constant, or is built
// only from attributes with few values (enumerations of at most 10, booleans).
// It works on any layout, derived or given, so these tests give it both.
import { describe, expect, it } from 'vitest';
import { keySchemaOf } from '../design/indexKeys.ts';
import { modelFromText } from '../../testing/exampleModels.ts';
import { planDesign } from '../design/planDesign.ts';
import type { DesignLayout, EntityDesign, KeyTemplate } from '../design/types.ts';
import type { Diagnostic } from '../model/diagnostics.ts';
import type { Model } from '../model/types.ts';
import { deriveKeyLayout } from './deriveKeyLayout.ts';
import { hotPartitions } from './hotPartitions.ts';

/** The layout the derivation gives, as deriveDesign hands it to the planner. */
function derivedLayout(model: Model): DesignLayout {
  const keys = deriveKeyLayout(model);
  return {
    tableName: 'Test',
    entityAttribute: keys.entityAttribute,
    indexes: keys.indexes.map((i) => ({ ...keySchemaOf(i), projection: 'ALL' })),
    entities: keys.entities,
  };
}

/** The warnings on a layout, with the plans made on it. */
function warnings(model: Model, layout: DesignLayout = derivedLayout(model)): Diagnostic[] {
  const design = planDesign(model, layout);
  expect(design.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return hotPartitions(model, layout, design.patterns);
}

/** Each warning as `index entity (pattern, path): message`. */
function shown(model: Model, layout?: DesignLayout): string[] {
  return warnings(model, layout).map((d) => `${d.subject?.index} ${d.subject?.entity} (${d.subject?.pattern}, ${d.path}): ${d.message}`);
}

const PLAYERS = `model "Lobby"
entity Player key playerId count 5000
  playerId: string
  name: string
  region: "eu" | "us"
  tier: 1 | 2 | 3
  active: boolean
  joined: date
  createdAt: datetime
entity Team key teamId
  teamId: string
  name: string
`;
const players = (patterns: string) => modelFromText(`${PLAYERS}${patterns}`);

describe('hotPartitions', () => {
  it('warns of a constant partition key, naming the index, the entity and its count', () => {
    const model = players('getPlayer: Player by playerId returns one\nall: Player order by createdAt desc\nteams: Team order by name\n');
    const found = warnings(model);
    expect(found.map((d) => [d.code, d.severity])).toEqual([
      ['keys.hotPartition', 'warning'],
      ['keys.hotPartition', 'warning'],
    ]);
    expect(shown(model)).toEqual([
      'table Team (teams, patterns[2]): teams: every Team is in one partition of table (a constant partition key), which holds about all items and takes all their writes; DynamoDB serves one partition at up to 3,000 reads and 1,000 writes per second. Shard the key if writes are heavy.',
      'GSI1 Player (all, patterns[1]): all: every Player is in one partition of GSI1 (a constant partition key), which holds about 5000 items and takes all their writes; DynamoDB serves one partition at up to 3,000 reads and 1,000 writes per second. Shard the key if writes are heavy.',
    ]);
  });

  it('warns of a partition key built only from enumerations and booleans, with the number of partitions', () => {
    expect(shown(players('byRegion: Player by region\n'))).toEqual([
      'table Player (byRegion, patterns[0]): byRegion: the partition key of table for Player is region, which takes only 2 values, so Player items crowd into 2 partitions.',
    ]);
    expect(shown(players('byActive: Player by active\n'))[0]).toContain('is active, which takes only 2 values, so Player items crowd into 2 partitions.');
    // Several attributes: the product of their numbers of values.
    expect(shown(players('byAll: Player by region, tier, active\n'))[0]).toContain(
      'is region, tier, active, which takes only 12 values, so Player items crowd into 12 partitions.',
    );
  });

  it('counts an enumeration of up to 10 values as few, and says "1 value" for one', () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `"v${i}"`).join(' | ');
    const withKind = (n: number) => modelFromText(`model "Kinds"\nentity Thing key id\n  id: string\n  kind: ${values(n)}\nbyKind: Thing by kind\n`);
    expect(shown(withKind(10))[0]).toContain('which takes only 10 values, so Thing items crowd into 10 partitions.');
    expect(shown(withKind(11))).toEqual([]);
    expect(shown(withKind(1))[0]).toContain('is kind, which takes only 1 value, so Thing items crowd into 1 partition.');
  });

  it('says nothing of a partition key with an attribute of many values', () => {
    const model = players(`getPlayer: Player by playerId returns one
byName: Player by name
byJoined: Player by joined
byRegionAndName: Player by region, name
byTierCreated: Player by tier, createdAt
`);
    expect(shown(model)).toEqual([]);
  });

  it('lists every pattern that reads the template, in model order, and names the first by subject and path', () => {
    const model = players(`getPlayer: Player by playerId returns one
newest: Player by region order by createdAt desc
byName: Player by name
byRegion: Player by region
oldest: Player by region order by createdAt asc
`);
    const found = warnings(model);
    expect(found).toHaveLength(1);
    expect(found[0]?.message.startsWith('newest, byRegion, oldest: the partition key of GSI1 for Player is region,')).toBe(true);
    expect(found[0]?.subject).toEqual({ pattern: 'newest', entity: 'Player', index: 'GSI1' });
    expect(found[0]?.path).toBe('patterns[1]');
  });

  it('warns of each member of an item collection that a pattern reads in a hot partition', () => {
    const model = modelFromText(`model "Regions"
entity Region key code
  code: "eu" | "us"
entity Shop key shopId belongsTo Region via regionCode
  shopId: string
  regionCode: "eu" | "us"
regionWithShops: Region by code with Shop
`);
    expect(warnings(model).map((d) => [d.subject?.index, d.subject?.entity, d.subject?.pattern])).toEqual([
      ['table', 'Region', 'regionWithShops'],
      ['table', 'Shop', 'regionWithShops'],
    ]);
  });

  // Bug: Shop's via attribute holds a Region key, so Shop items share the two partitions of the two
  // regions whatever Shop declares regionCode to be; hotPartitions reads only Shop's own declaration
  // (string: many values) and says nothing of Shop, though it warns of Region in the same partitions.
  it('warns of a child whose via attribute holds a parent key of few values, however the child declares it', () => {
    const model = modelFromText(`model "Regions"
entity Region key code
  code: "eu" | "us"
entity Shop key shopId belongsTo Region via regionCode
  shopId: string
  regionCode: string
regionWithShops: Region by code with Shop
`);
    expect(warnings(model).map((d) => d.subject?.entity)).toEqual(['Region', 'Shop']);
  });

  // Bug: a boolean restricted to one value (`boolean in (true)`) is counted as 2 values: the boolean
  // test comes before the enumeration's length, so the message says 2 values and 2 partitions.
  it('counts the values of a boolean enumeration, not 2', () => {
    const model = modelFromText('model "Flags"\nentity Thing key id\n  id: string\n  on: boolean in (true)\nbyOn: Thing by on\n');
    expect(shown(model)[0]).toContain('is on, which takes only 1 value, so Thing items crowd into 1 partition.');
  });

  describe('on a layout given, not derived', () => {
    const model = players('getPlayer: Player by playerId returns one\nall: Player\n');
    const label = (text: string) => ({ kind: 'literal' as const, text });
    const attr = (name: string) => ({ kind: 'attribute' as const, name });
    const byKey: KeyTemplate = { pk: [label('PLAYER'), attr('playerId')], sk: [label('PLAYER')] };
    const constant = (text: string, key: string): KeyTemplate => ({ pk: [label(text)], sk: [label(text), attr(key)] });
    const layout = (player: Record<string, KeyTemplate>, team: Record<string, KeyTemplate>): DesignLayout => {
      const entities: EntityDesign[] = [
        { entity: 'Player', label: 'PLAYER', keys: player },
        { entity: 'Team', label: 'TEAM', keys: team },
      ];
      return {
        tableName: 'Given',
        entityAttribute: '_type',
        indexes: [
          { name: 'table', kind: 'table', pkAttribute: 'PK', skAttribute: 'SK', projection: 'ALL' },
          { name: 'GSI1', kind: 'gsi', pkAttribute: 'GSI1PK', skAttribute: 'GSI1SK', projection: 'ALL' },
        ],
        entities,
      };
    };

    it('warns only of templates a pattern reads: not of an unused one, nor of another entity’s in the same index', () => {
      // Team's table template and its GSI1 template are constant, but no pattern reads Team.
      const given = layout({ table: byKey, GSI1: constant('PLAYER', 'playerId') }, { table: constant('TEAM', 'teamId'), GSI1: constant('TEAM', 'teamId') });
      expect(warnings(model, given).map((d) => [d.subject?.index, d.subject?.entity, d.subject?.pattern])).toEqual([['GSI1', 'Player', 'all']]);
      // Without `all`, Player's constant GSI1 template is read by nothing.
      const getOnly = { ...model, patterns: model.patterns.filter((p) => p.name === 'getPlayer') };
      expect(warnings(getOnly, given)).toEqual([]);
    });

    it('reads the keys the layout has: a table keyed on an enumeration is warned of, though the derivation would key it otherwise', () => {
      const byRegion: KeyTemplate = { pk: [label('PLAYER'), attr('region')], sk: [label('PLAYER'), attr('playerId')] };
      const given = layout({ table: byRegion, GSI1: byKey }, { table: constant('TEAM', 'teamId') });
      const byRegionModel = players('getPlayer: Player by playerId returns one\nbyRegion: Player by region\n');
      // getPlayer reads GSI1 (by key): nothing; byRegion reads the table, keyed on region.
      expect(warnings(byRegionModel, given).map((d) => [d.subject?.index, d.subject?.pattern, d.path, d.message])).toEqual([
        [
          'table',
          'byRegion',
          'patterns[1]',
          'byRegion: the partition key of table for Player is region, which takes only 2 values, so Player items crowd into 2 partitions.',
        ],
      ]);
      // The derived layout gives the table to getPlayer's lookup and GSI1 to byRegion: the same warning, on GSI1.
      expect(warnings(byRegionModel).map((d) => d.subject?.index)).toEqual(['GSI1']);
    });

    it('skips layout entities the model does not have, and key attributes the entity does not declare', () => {
      const ghost: EntityDesign = { entity: 'Ghost', label: 'GHOST', keys: { table: constant('GHOST', 'id') } };
      const given = layout({ table: byKey, GSI1: constant('PLAYER', 'playerId') }, { table: constant('TEAM', 'teamId') });
      const withGhost = { ...given, entities: [...given.entities, ghost] };
      expect(hotPartitions(model, withGhost, planDesign(model, given).patterns).map((d) => d.subject?.entity)).toEqual(['Player']);
      // A partition attribute Player lacks (a layout for another model): not counted as few values.
      const unknown: KeyTemplate = { pk: [label('PLAYER'), attr('league')], sk: [label('PLAYER'), attr('playerId')] };
      const plans = [
        {
          pattern: 'all',
          entity: 'Player',
          steps: [
            {
              operation: 'Query' as const,
              index: 'GSI1',
              keyEntity: 'Player',
              pkText: '',
              keyConditionText: '',
              entities: ['Player'],
              key: { pk: [], skPrefix: [], skComplete: false, skTerminated: false },
            },
          ],
          returnsEntities: ['Player'],
          reason: '',
        },
      ];
      expect(hotPartitions(model, layout({ table: byKey, GSI1: unknown }, {}), plans)).toEqual([]);
    });
  });

  it('ends on relations that form a cycle', () => {
    const model = modelFromText(`model "Cycle"
entity A key a belongsTo B via a
  a: string
entity B key b belongsTo A via b
  b: string
byA: A by a
byB: B by b
`);
    expect(shown(model)).toEqual([]);
  });
});
