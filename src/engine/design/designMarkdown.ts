// The design for people: an entity chart (key templates per index), the
// patterns each index serves, the pattern → request table and the warnings.
import type { Design, Segment } from './types.ts';
import { formatDiagnostic } from '../model/diagnostics.ts';

export function designMarkdown(design: Design): string {
  const lines: string[] = [];
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const seg = (segments: readonly Segment[]) => segments.map((s) => (s.kind === 'literal' ? s.text : `{${s.name}}`)).join('#');
  lines.push(`# ${cell(design.model.name)}: single-table design`, '');
  lines.push(`Table \`${design.tableName}\` with ${design.indexes.length - 1} GSI${design.indexes.length === 2 ? '' : 's'}; the entity name is stored in \`${design.entityAttribute}\`.`, '');
  lines.push('## Entity chart', '');
  const header = ['Entity', ...design.indexes.flatMap((i) => [i.pkAttribute, i.skAttribute])];
  lines.push(`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`);
  for (const e of design.entities) {
    const cells = design.indexes.flatMap((i) => {
      const t = e.keys[i.name];
      return t ? [`\`${seg(t.pk)}\``, `\`${seg(t.sk)}\``] : ['', ''];
    });
    lines.push(`| ${e.entity} | ${cells.join(' | ')} |`);
  }
  lines.push('', '## Indexes', '');
  for (const i of design.indexes) {
    lines.push(`- **${i.name === 'table' ? 'Table' : i.name}** (${i.pkAttribute}, ${i.skAttribute}): serves ${i.patterns.length ? i.patterns.map((p) => `\`${p}\``).join(', ') : 'no pattern (keys only)'}`);
  }
  lines.push('', '## Access patterns', '', '| Pattern | Request | Index | Key condition | Order | Why |', '| --- | --- | --- | --- | --- | --- |');
  for (const p of design.patterns) {
    for (const s of p.steps) {
      lines.push(
        `| ${p.pattern} | ${s.operation} | ${s.index} | \`${cell(s.keyConditionText)}\`${s.filter ? ` + filter \`${s.filter.attribute} ${s.filter.op}\`` : ''} | ${s.direction ?? ''} | ${cell(p.reason)} |`,
      );
    }
  }
  if (design.diagnostics.length) {
    lines.push('', '## Warnings and errors', '');
    for (const d of design.diagnostics) lines.push(`- ${d.severity === 'error' ? '**error**' : 'warning'}: ${cell(formatDiagnostic(d))}`);
  }
  return `${lines.join('\n')}\n`;
}
