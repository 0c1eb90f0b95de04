// How each entity's records are written, in words people read: how a record is
// found (its key, or an identity guard), its unique guards, versions and expiry,
// and which changes take one UpdateItem and which read first. Read off the
// write plan (planWrites), so it says what the runtime does; design.md and the
// app print it.
import type { Design } from '../design/types.ts';
import { keyTemplateText } from '../design/templateText.ts';
import { planWrites, type EntityWritePlan } from './writePlan.ts';

export interface EntityWrites {
  entity: string;
  /** One sentence each: identity, unique sets, version, expiry, updates. */
  lines: string[];
}

export function describeWrites(design: Design): EntityWrites[] {
  const table = design.indexes[0];
  return planWrites(design).map((plan) => {
    const entity = design.model.entities.find((e) => e.name === plan.entity);
    const lines: string[] = [];
    const keyText = plan.key.join(', ');
    if (plan.identityGuard) {
      const held = plan.indexes[0]?.attributes.filter((a) => !plan.key.includes(a)) ?? [];
      lines.push(
        `Its table key holds ${held.join(', ')} besides its key (${keyText}), so an identity guard item (${table ? keyTemplateText(plan.identityGuard.pk, table) : '$id'}) written in the same transaction records where each record is: a second create of a key is refused even when concurrent, and updates and removes find the record with two strongly consistent reads.`,
      );
    } else lines.push(`Its item is found from its key (${keyText}): a create is one conditional put that refuses an existing key.`);
    for (const u of plan.unique) {
      lines.push(
        `(${u.set.join(', ')}) is unique: a guard item (${table ? keyTemplateText(u.template.pk, table) : '$unique'}) is taken with each create and update in one transaction, and given up on change and remove.`,
      );
    }
    if (plan.version)
      lines.push(`${plan.version} is its version: every update states the version it read, and stores it + 1; a stale one is refused (StaleVersionError).`);
    if (plan.ttl) lines.push(`Its records expire at ${plan.ttl} (epoch seconds), their guard items with them.`);
    if (entity)
      lines.push(
        updateLine(
          plan,
          entity.attributes.map((a) => a.name),
        ),
      );
    return { entity: plan.entity, lines };
  });
}

/** Which changes are one UpdateItem, and which read first (and why). */
function updateLine(plan: EntityWritePlan, attributes: string[]): string {
  const others = attributes.filter((a) => !plan.key.includes(a) && a !== plan.version);
  if (others.length === 0) return 'It has no attribute outside its key to update.';
  if (plan.identityGuard) return 'Every update reads the record first (it is found through its identity guard), then writes on condition that it is unchanged.';
  const inPlace: string[] = [];
  const reads: string[] = [];
  for (const a of others) {
    const why = plan.indexes.filter((ix) => ix.attributes.includes(a) && ix.attributes.some((b) => b !== a && !plan.key.includes(b)));
    const unique = plan.unique.some((u) => u.set.includes(a));
    if (why.length === 0 && !unique) inPlace.push(a);
    else {
      const reasons = [
        ...why.map(
          (ix) => `${ix.index === 'table' ? 'the table' : ix.index} key also needs ${ix.attributes.filter((b) => b !== a && !plan.key.includes(b)).join(', ')}`,
        ),
        ...(unique ? ['a unique guard changes'] : []),
      ];
      reads.push(`${a} (${reasons.join('; ')})`);
    }
  }
  const parts: string[] = [];
  if (inPlace.length) parts.push(`A change of ${inPlace.join(', ')} is one UpdateItem that rewrites the index keys made of it.`);
  if (reads.length) parts.push(`A change of ${reads.join(', ')} reads the record first, unless the changes hold every attribute that key needs.`);
  return parts.join(' ');
}
