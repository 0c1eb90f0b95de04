// The design for people: an entity chart (key templates per index), the
// patterns each index serves, the sparse indexes, the pattern → request table,
// how each entity is written and what the design costs a month (when the caller
// gives them), and the warnings.
// Every name and text from the model goes through mdText/mdCode.
import type { CostReport } from '../cost/costReport.ts';
import { costMarkdown } from '../cost/costMarkdown.ts';
import type { Design } from './types.ts';
import { indexKeyAttributes, indexKeyText } from './indexKeys.ts';
import { keyTemplateText } from './templateText.ts';
import { formatDiagnostic } from '../model/diagnostics.ts';
import { mdCode, mdText } from './markdownText.ts';
import { sparseIndexes } from './sparseIndexes.ts';

/** How each entity's records are written (writes/describeWrites), when the caller adds it: one section per entity. */
export interface WritesSection {
  entity: string;
  lines: readonly string[];
}

/** The design as Markdown; `writes` (describeWrites) and `cost` (costReport) add their sections when given. */
export function designMarkdown(design: Design, writes: readonly WritesSection[] = [], cost?: CostReport): string {
  const lines: string[] = [];
  lines.push(`# ${mdText(design.model.name)}: single-table design`, '');
  lines.push(
    `Table ${mdCode(design.tableName)} with ${design.indexes.length - 1} GSI${design.indexes.length === 2 ? '' : 's'}; the entity name is stored in ${mdCode(design.entityAttribute)}.`,
    '',
  );
  lines.push('## Entity chart', '');
  const header = [
    'Entity',
    ...design.indexes.flatMap((i) => {
      const k = indexKeyAttributes(i);
      return [k.pk.join(' + '), k.sk.join(' + ')];
    }),
  ].map(mdText);
  lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const e of design.entities) {
    const cells = design.indexes.flatMap((i) => {
      const t = e.keys[i.name];
      return t ? [mdCode(keyTemplateText(t.pk, i)), mdCode(keyTemplateText(t.sk, i))] : ['', ''];
    });
    lines.push(`| ${mdText(e.entity)} | ${cells.join(' | ')} |`);
  }
  lines.push('', '## Indexes', '');
  for (const i of design.indexes) {
    lines.push(
      `- **${i.name === 'table' ? 'Table' : mdText(i.name)}** (${mdText(indexKeyText(i))}${i.keys === 'native' ? ', native keys' : ''}): serves ${i.patterns.length ? i.patterns.map(mdCode).join(', ') : 'no pattern (keys only)'}`,
    );
  }
  const sparse = sparseIndexes(design, design.model);
  if (sparse.length > 0) {
    lines.push('', '## Sparse indexes', '', 'Records may lack an optional attribute; an index keyed on one holds only the items whose record has it.', '');
    for (const s of sparse) {
      lines.push(
        `- **${s.index === 'table' ? 'Table' : mdText(s.index)}**: ${mdText(s.entity)} items only when they have ${s.attributes.map(mdCode).join(' and ')}`,
      );
    }
  }
  lines.push('', '## Access patterns', '', '| Pattern | Request | Index | Key condition | Order | Why |', '| --- | --- | --- | --- | --- | --- |');
  for (const p of design.patterns) {
    for (const s of p.steps) {
      const filter = s.filter ? ` + filter ${mdCode(`${s.filter.attribute} ${s.filter.op}`)}` : '';
      lines.push(
        `| ${mdText(p.pattern)} | ${s.operation} | ${mdText(s.index)} | ${mdCode(s.keyConditionText)}${filter} | ${s.direction ?? ''} | ${mdText(p.reason)} |`,
      );
    }
  }
  if (writes.length > 0) {
    lines.push('', '## Writes', '');
    for (const w of writes) lines.push(`- **${mdText(w.entity)}**: ${w.lines.map(mdText).join(' ')}`);
  }
  if (cost) lines.push('', ...costMarkdown(cost));
  if (design.diagnostics.length) {
    lines.push('', '## Warnings and errors', '');
    for (const d of design.diagnostics) lines.push(`- ${d.severity === 'error' ? '**error**' : 'warning'}: ${mdText(formatDiagnostic(d))}`);
  }
  return `${lines.join('\n')}\n`;
}
