// Located problems, as values with typed codes namespaced by stage.

/** 1-based line and column, end exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  /** Namespaced code, e.g. `model.unknownAttribute`, `keys.hotPartition`. */
  code: string;
  severity: Severity;
  message: string;
  /** JSON path into the problem format, e.g. `patterns[3].equals[0]`. */
  path?: string;
  /** Where in the source text (editor text or JSON file) it happened. */
  span?: Span;
}

/** JSON path → span of the value at that path in the source the model was read from. */
export type SourceMap = Map<string, Span>;

/** `where` for people: `line 7, col 18` when a span is known, else the JSON path. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.span ? `line ${d.span.line}, col ${d.span.column}` : d.path ?? '';
  return place ? `${place}: ${d.message}` : d.message;
}
