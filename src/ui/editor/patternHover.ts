// The hover of a pattern line: which index and key condition serve the pattern,
// and why. Finds the pattern through the source map of the current text (so it
// works in both forms), then its plan in the design. Pure; returns markdown
// in which every name is escaped (Monaco renders it with HTML off).
import type { Design, ReadonlySourceMap, Span } from '../../engine/index.ts';
import { escapeMarkdown as escape, markdownCode as code } from './markdownText.ts';

export interface PatternHover {
  span: Span;
  markdown: string;
}

export function patternHover({
  line,
  text,
  sourceMap,
  design,
  stale,
}: {
  line: number;
  text: string;
  sourceMap: ReadonlySourceMap;
  design: Design | undefined;
  stale: boolean;
}): PatternHover | undefined {
  if (!design) return undefined;
  for (const [path, span] of sourceMap) {
    if (!/^patterns\[\d+\]$/.test(path) || line < span.line || line > span.endLine) continue;
    const nameSpan = sourceMap.get(`${path}.name`);
    const name = nameSpan ? nameAt(text, nameSpan) : undefined;
    const plan = name === undefined ? undefined : design.patterns.find((p) => p.pattern === name);
    if (!plan) return undefined;
    const lines = [`**${escape(plan.pattern)}** returns ${plan.returnsEntities.map(escape).join(', ')}`];
    for (const step of plan.steps) {
      const order = step.direction === undefined ? '' : step.direction === 'desc' ? ', descending' : ', ascending';
      lines.push(`${step.operation} on **${escape(step.index === 'table' ? 'the table' : step.index)}**${order}: ${code(step.keyConditionText)}`);
      if (step.filter) lines.push(`then filtered on ${code(step.filter.attribute)} ${escape(step.filter.op)} (reads items it drops)`);
    }
    lines.push(escape(plan.reason));
    if (stale) lines.push('_From the last design without errors: fix the errors to update it._');
    return { span, markdown: lines.join('\n\n') };
  }
  return undefined;
}

/** The pattern name at its span: an identifier in the text form, a JSON string in problem JSON. */
function nameAt(text: string, span: Span): string | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  if (span.line !== span.endLine) return undefined;
  const raw = lines[span.line - 1]?.slice(span.column - 1, span.endColumn - 1);
  if (raw === undefined) return undefined;
  if (!raw.startsWith('"')) return raw;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
