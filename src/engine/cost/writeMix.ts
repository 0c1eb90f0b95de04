// How an entity's writes per second (FORMAT.md `writes`: creates, updates and removes together)
// spread over its write operations, so that each is priced at its own rate. The model gives the
// total only; the mix is an assumption, shown wherever the figures are: most writes of a record
// are updates. The operations are sampleWriteSteps' (create, remove, one update per kind).
import type { WriteOperation } from '../writes/writeCall.ts';

/** Shares of an entity's writes by operation (they add up to 1; an operation left out has none). */
export type WriteMix = Partial<Record<WriteOperation, number>>;

/** 20% creates, 70% updates, 10% removes. */
export const DEFAULT_WRITE_MIX: Readonly<WriteMix> = Object.freeze({ create: 0.2, update: 0.7, remove: 0.1 });

/**
 * Each write's share of its entity's writes: an operation's share split equally among the
 * writes of that operation (the kinds of update); the shares of operations the entity has no
 * write of go to the others in proportion, so the shares add up to 1.
 */
export function writeShares(operations: readonly WriteOperation[], mix: Readonly<WriteMix> = DEFAULT_WRITE_MIX): number[] {
  const counts = new Map<WriteOperation, number>();
  for (const op of operations) counts.set(op, (counts.get(op) ?? 0) + 1);
  const present = [...counts.keys()].reduce((n, op) => n + Math.max(0, mix[op] ?? 0), 0);
  return operations.map((op) => {
    const share = Math.max(0, mix[op] ?? 0);
    const count = counts.get(op) ?? 1;
    return present > 0 ? share / present / count : 1 / operations.length;
  });
}

/** The mix as a sentence: `20% creates, 70% updates (split equally among the kinds of update), 10% removes`. */
export function writeMixText(mix: Readonly<WriteMix> = DEFAULT_WRITE_MIX): string {
  const pct = (n: number) => `${Math.round(n * 1000) / 10}%`;
  return `${pct(mix.create ?? 0)} creates, ${pct(mix.update ?? 0)} updates (split equally among the kinds of update), ${pct(mix.remove ?? 0)} removes${mix.add ? `, ${pct(mix.add)} adds` : ''}`;
}
