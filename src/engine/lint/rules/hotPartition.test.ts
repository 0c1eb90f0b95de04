// The hot-partition rule: a partition key keys.hotPartition already names (constant or few-valued),
// priced at the declared peak rates against one partition's 3,000 RCU / 1,000 WCU, with N shards proposed.
import { describe, expect, it } from 'vitest';
import { deriveDesign } from '../../design/deriveDesign.ts';
import { modelFromText } from '../../../testing/exampleModels.ts';
import { lintContext } from '../lintContext.ts';
import { hotPartitionRule, proposedShards } from './hotPartition.ts';

const model = (pattern: string, writes = '') =>
  modelFromText(`model "Feed"
entity Post key postId count 50${writes}
  postId: string
  title: string
  createdAt: datetime
getPost: Post by postId returns one
${pattern}
`);

const lint = (text: string, writes?: string) => hotPartitionRule(lintContext(deriveDesign(model(text, writes))));

describe('hotPartitionRule', () => {
  it('fires when a constant partition takes more read units per second than one partition serves, and proposes N shards', () => {
    // Every Post in one GSI partition; the latest 50 posts read at 4,000 calls/s.
    const found = lint('latest: Post order by createdAt desc rate 1000 peak 4000');
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d?.code).toBe('lint.hotPartition');
    expect(d?.severity).toBe('warning');
    expect(d?.subject).toEqual({ pattern: 'latest', entity: 'Post', index: 'GSI1' });
    expect(d?.path).toBe('patterns[1].rate');
    // The Query reads all 50 sample posts (a little over 4 KB: two 4 KB blocks, halved for an eventually consistent GSI read):
    // 1 RCU per call × 4,000 calls/s = 4,000 RCU/s > 3,000: ceil(4000 / 3000) = 2 shards.
    expect(d?.message).toContain('Hot partition: Post in GSI1 (a constant partition key) takes 4,000 read units/s (latest 4,000 calls/s × 1 RCU)');
    expect(d?.message).toContain('one partition serves 3,000 RCU and 1,000 WCU per second, so it throttles');
    expect(d?.message).toContain('spread it over 2 shards (`shards 2` on latest;');
  });

  it('takes existing shards as N times the per-partition limits', () => {
    // 4,000 calls/s over 8 shards: each shard's partition takes about an eighth.
    expect(lint('latest: Post order by createdAt desc rate 1000 peak 4000 shards 8')).toEqual([]);
    // Twice as many shards as 2 are needed at 9,000 calls/s: the busiest shard still takes over 3,000 RCU/s.
    const found = lint('latest: Post order by createdAt desc rate 1000 peak 9000 shards 2');
    expect(found.map((d) => d.code)).toEqual(['lint.hotPartition']);
    expect(found[0]?.message).toContain('Post in GSI1 (a sharded partition key)');
    expect(found[0]?.message).toMatch(/already 2 shards per value\)/);
    expect(found[0]?.message).toMatch(
      /spread it over 4 shards \(`shards 4` on latest; 4 = 2 shards × ceil\(busiest shard's peak units \/ per-partition limit\)\)/,
    );
  });

  it('stays quiet for the same constant key at a light rate (keys.hotPartition alone names its low cardinality)', () => {
    const design = deriveDesign(model('latest: Post order by createdAt desc rate 5 peak 50'));
    expect(design.diagnostics.map((d) => d.code)).toContain('keys.hotPartition');
    expect(hotPartitionRule(lintContext(design))).toEqual([]);
  });

  it('fires on writes: an entity written beyond 1,000 WCU/s into its one partition', () => {
    const found = lint('latest: Post order by createdAt desc', ' writes 500 peak 2500');
    expect(found.map((d) => [d.code, d.path, d.subject?.index])).toEqual([['lint.hotPartition', 'entities[0].writes', 'GSI1']]);
    // 2,500 writes/s × 1 WCU (small items) = 2,500 WCU/s: ceil(2500 / 1000) = 3 shards.
    expect(found[0]?.message).toContain('2,500 write units/s (2,500 writes/s × 1 WCU)');
    expect(found[0]?.message).toContain('spread it over 3 shards (`shards 3` on latest;');
  });

  it('proposes ceil(peak units / per-partition limit) shards, at least 2', () => {
    expect(proposedShards({ readUnits: 100, writeUnits: 10 })).toBe(2);
    expect(proposedShards({ readUnits: 9001, writeUnits: 10 })).toBe(4);
    expect(proposedShards({ readUnits: 10, writeUnits: 2500 })).toBe(3);
    // Already sharded: the busiest shard's excess times the shards there are.
    expect(proposedShards({ readUnits: 4500, writeUnits: 10 }, 2)).toBe(4);
    expect(proposedShards({ readUnits: 100, writeUnits: 10 }, 4)).toBe(4);
  });
});
