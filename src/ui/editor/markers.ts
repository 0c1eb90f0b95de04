// Diagnostics as editor markers: every diagnostic gets a visible range (its span,
// else the span of its path, else the first line), clamped to the text.
import type { Diagnostic, ReadonlySourceMap, Severity, Span } from '../../engine/index.ts';

export interface MarkerData {
  severity: Severity;
  message: string;
  code: string;
  startLineNumber: number;
  startColumn: number;
  endLineNumber: number;
  endColumn: number;
}

/** The text's lines as toMarkers reads them: how many, and each one's length (1-based), without copying the text. */
export interface LineLengths {
  count: number;
  lengthOf: (line: number) => number;
}

export function toMarkers(diagnostics: readonly Diagnostic[], sourceMap: ReadonlySourceMap, lines: LineLengths): MarkerData[] {
  return diagnostics.map((d) => {
    const span = d.span ?? (d.path !== undefined ? sourceMap.get(d.path) : undefined) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { severity: d.severity, message: d.message, code: d.code, ...clamp(span, lines) };
  });
}

function clamp(span: Span, lines: LineLengths) {
  const lastLine = Math.max(1, lines.count);
  const startLineNumber = Math.min(Math.max(1, span.line), lastLine);
  const endLineNumber = Math.min(Math.max(startLineNumber, span.endLine), lastLine);
  const width = (line: number) => lines.lengthOf(line) + 1;
  const startColumn = Math.min(Math.max(1, span.column), width(startLineNumber));
  let endColumn = Math.min(Math.max(1, span.endColumn), width(endLineNumber));
  if (endLineNumber === startLineNumber && endColumn <= startColumn) {
    // An empty span (e.g. "expected a name at the end of the line") still needs a visible squiggle.
    endColumn = startColumn + 1;
  }
  return { startLineNumber, startColumn, endLineNumber, endColumn };
}
