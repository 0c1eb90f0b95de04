// A design diff for people: what `npm run cli -- diff` prints. Templates are
// templateText's and requests the plans' own key condition text (as explain shows
// them); figures read as the cost report's (costText).
import { dollars, units } from '../cost/costText.ts';
import { formatDiagnostic } from '../model/diagnostics.ts';
import type { DesignDiff, RequestSummary } from './designDiff.ts';

export function diffText(diff: DesignDiff): string {
  const out: string[] = [`Changes to table ${diff.tableName}: design ${diff.from} → ${diff.to}`];
  if (diff.impossible.length > 0) {
    out.push('', `Impossible on the live table (${diff.impossible.length}):`);
    for (const d of diff.impossible) out.push(`  error: ${formatDiagnostic(d)}`);
  }

  out.push('', 'Indexes');
  for (const i of diff.indexes.added) out.push(`  added ${i.name} (${i.keys}${i.native ? ', native keys' : ''}): ${i.patterns.join(', ') || 'no pattern'}`);
  for (const name of diff.indexes.dropped) out.push(`  dropped ${name}`);
  for (const name of diff.indexes.unused) out.push(`  unused ${name}: no pattern reads it; kept (and written) until dropped with migrate --drop-unused`);
  if (diff.indexes.added.length + diff.indexes.dropped.length + diff.indexes.unused.length === 0) out.push('  none added, dropped or unused');

  out.push('', 'Key templates');
  if (diff.entities.length === 0 && diff.indexes.unusedTemplates.length === 0) out.push('  unchanged');
  for (const e of diff.entities) {
    out.push(
      `  ${e.entity}${e.status === 'added' ? ' (new entity: no items yet)' : e.status === 'removed' ? ' (not in the model any more: its items stay in the table)' : ''}`,
    );
    for (const t of e.templates) {
      const writes =
        t.attributes.length && e.status === 'changed' ? ` [existing items: ${t.kind === 'removed' ? 'remove' : 'write'} ${t.attributes.join(', ')}]` : '';
      if (t.kind === 'rewritten') out.push(`    ${t.index} rewritten${writes}`, `      before: ${t.before ?? ''}`, `      after:  ${t.after ?? ''}`);
      else out.push(`    ${t.index} ${t.kind}: ${(t.kind === 'added' ? t.after : t.before) ?? ''}${writes}`);
    }
  }

  for (const t of diff.indexes.unusedTemplates)
    out.push(`  ${t.entity}\n    ${t.index} unused: no pattern reads ${t.entity} through ${t.index} any more; kept (and written) as the table has it`);

  const count = (status: string) => diff.patterns.filter((p) => p.status === status).length;
  out.push('', `Patterns (${count('added')} added, ${count('changed')} changed, ${count('removed')} removed, ${count('unchanged')} unchanged)`);
  for (const p of diff.patterns) {
    if (p.status === 'unchanged') continue;
    const notes = [p.notServedBefore ? 'not served before' : '', p.notServedAfter ? 'not served by the new design' : ''].filter(Boolean);
    out.push(`  ${p.status} ${p.pattern}${notes.length ? ` (${notes.join('; ')})` : ''}`);
    for (const r of p.before ?? []) out.push(`      before: ${requestSummaryText(r)}`);
    for (const r of p.after ?? []) out.push(`      after:  ${requestSummaryText(r)}`);
  }
  const same = diff.patterns.filter((p) => p.status === 'unchanged').map((p) => p.pattern);
  if (same.length > 0) out.push(`  unchanged: ${same.join(', ')}`);

  const m = diff.migration;
  out.push('', `Migration (items at the declared counts, at ${units(m.rate)} items/s)`);
  if (m.entities.length === 0) out.push('  no existing item needs new key attributes');
  for (const e of m.entities)
    out.push(`  ${e.entity}: ${units(e.items)} items × ${writeUnits(e.writeUnitsPerItem)} = ${writeUnits(e.writeUnits)}, ${durationText(e.seconds)}`);
  if (m.entities.length > 1) out.push(`  total: ${units(m.items)} items, ${writeUnits(m.writeUnits)}, ${durationText(m.seconds)}`);
  if (m.entities.length > 0) out.push(`  on-demand: ${dollars(m.dollars)}`);
  if (m.createdIndexes.length > 0)
    out.push(
      `  then ${m.createdIndexes.map((name) => `create ${name}`).join(', then ')} (${m.createdIndexes.length > 1 ? 'each fills' : 'it fills'} from the table while it is created)`,
    );
  return `${out.join('\n')}\n`;
}

/** `Query GSI2: GSI2PK = ORDER#{status} (desc)`, the key condition as the plan states it, its filter as explain shows it. */
export function requestSummaryText(r: RequestSummary): string {
  return `${r.operation} ${r.index}: ${r.keyCondition}${r.filter ? ` FILTER ${r.filter}` : ''}${r.order ? ` (${r.order})` : ''}`;
}

/** `1 write unit`, `2.5 write units`. */
function writeUnits(n: number): string {
  return `${units(n)} write unit${n === 1 ? '' : 's'}`;
}

/** `45 s`, `12 min 30 s`, `3 h 5 min`. */
export function durationText(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  const minutes = Math.round(s / 60);
  return `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
}
