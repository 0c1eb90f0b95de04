// What both parsers return, and the last step they share: validate, sort, and hand out the
// model only when nothing is wrong (never half-loaded).
import type { Diagnostic, SourceMap } from './diagnostics.ts';
import type { Model } from './types.ts';
import { validateModel, type ValidateOptions } from './validateModel.ts';

export interface ParseResult {
  /** The model, or undefined whenever any diagnostic is an error. */
  model: Model | undefined;
  /** Errors and warnings, in source order. */
  diagnostics: Diagnostic[];
  /** JSON path → span of that value in the source text. */
  sourceMap: SourceMap;
}

/**
 * Finishes a parse: runs validateModel on the model read so far (skipping what the parser could
 * not read, see validateModel), orders the diagnostics by position and gates the model on errors.
 */
export function parseResult(
  model: Model | undefined,
  diagnostics: readonly Diagnostic[],
  sourceMap: SourceMap,
  unreadable: ReadonlySet<string> = new Set(),
  options: ValidateOptions = {},
): ParseResult {
  const all = model ? [...diagnostics, ...validateModel(model, sourceMap, unreadable, options)] : [...diagnostics];
  all.sort(bySpan);
  const ok = model !== undefined && !all.some((d) => d.severity === 'error');
  return { model: ok ? model : undefined, diagnostics: all, sourceMap };
}

function bySpan(a: Diagnostic, b: Diagnostic): number {
  if (!a.span || !b.span) return (a.span ? 0 : 1) - (b.span ? 0 : 1);
  return a.span.line - b.span.line || a.span.column - b.span.column;
}
