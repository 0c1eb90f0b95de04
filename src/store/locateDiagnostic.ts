// Where a diagnostic is in the source: design diagnostics name a model path (`patterns[2]`), the
// editor needs a span. Light (no engine code): the page and the analysis worker both place with it.
import type { Diagnostic, ReadonlySourceMap } from '../engine/index.ts';

/**
 * Design diagnostics name a path (`patterns[2]`); give them the span of that path in the source.
 * Those about the whole design (no path) go on the model line.
 */
export function locate(d: Diagnostic, sourceMap: ReadonlySourceMap): Diagnostic {
  if (d.span) return d;
  const span = d.path === undefined ? (sourceMap.get('name') ?? { line: 1, column: 1, endLine: 1, endColumn: 2 }) : sourceMap.get(d.path);
  return span ? { ...d, span } : d;
}
