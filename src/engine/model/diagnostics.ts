// Located problems, as values with typed codes namespaced by stage.
import type { DesignDiagnosticCode } from '../design/parseDesignJson.ts';
import type { WorkbenchDiagnosticCode } from '../interop/workbench/workbenchDiagnostic.ts';
import type { EvolveDiagnosticCode } from '../evolve/evolveDiagnostic.ts';
import type { KeysDiagnosticCode } from '../keys/keysDiagnostic.ts';
import type { LintDiagnosticCode } from '../lint/lintDiagnostic.ts';
import type { QueriesDiagnosticCode } from '../queries/queriesDiagnostic.ts';
import type { ModelDiagnosticCode } from './modelDiagnostic.ts';

/** 1-based line and column, end exclusive. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export type Severity = 'error' | 'warning';

/**
 * Codes that belong to no stage: `engine.internal` is a Tablewright bug (an
 * exception inside a stage), never a property of the model or the design.
 */
export type EngineDiagnosticCode = 'engine.internal';

/** Every code the engine reports: a typo in a code fails to compile. */
export type DiagnosticCode =
  | ModelDiagnosticCode
  | KeysDiagnosticCode
  | QueriesDiagnosticCode
  | DesignDiagnosticCode
  | LintDiagnosticCode
  | WorkbenchDiagnosticCode
  | EvolveDiagnosticCode
  | EngineDiagnosticCode;

/**
 * What a diagnostic is about, by name: consumers find a pattern's (or an
 * entity's, an index's) diagnostics here, never in the message text.
 */
export interface DiagnosticSubject {
  pattern?: string;
  entity?: string;
  /** `table` or a GSI name. */
  index?: string;
}

export interface Diagnostic {
  /** Namespaced code, e.g. `model.unknownAttribute`, `keys.hotPartition`, `engine.internal`. */
  code: DiagnosticCode;
  severity: Severity;
  /** For people only: no consumer parses it (use `code` and `subject`). */
  message: string;
  /** JSON path into the problem format, e.g. `patterns[3].equals[0]`. */
  path?: string;
  /** Where in the source text (editor text or JSON file) it happened. */
  span?: Span;
  /** The pattern, entity or index it concerns (every keys/queries diagnostic has one; `{}`: the whole design). */
  subject?: DiagnosticSubject;
}

/** JSON path → span of the value at that path in the source the model was read from. */
export type SourceMap = Map<string, Span>;

/** A source map that is only read (the app's page holds one as it crossed from the worker). */
export type ReadonlySourceMap = ReadonlyMap<string, Span>;

/** `where` for people: `line 7, col 18` when a span is known, else the JSON path. */
export function formatDiagnostic(d: Diagnostic): string {
  const place = d.span ? `line ${d.span.line}, col ${d.span.column}` : (d.path ?? '');
  return place ? `${place}: ${d.message}` : d.message;
}

/** A diagnostic at a place: its JSON path, source span and subject where known. Each stage narrows `code` to its own union (`modelDiagnostic`). */
export function locatedDiagnostic<C extends DiagnosticCode>(
  code: C,
  message: string,
  where: { path?: string | undefined; span?: Span | undefined; subject?: DiagnosticSubject | undefined },
  severity: Severity = 'error',
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (where.path !== undefined) d.path = where.path;
  if (where.span !== undefined) d.span = where.span;
  if (where.subject !== undefined) d.subject = where.subject;
  return d;
}

/** A diagnostic of a stage that knows what it is about (`subject`): keys, queries. Each stage narrows `code` to its own union. */
export function stageDiagnostic<C extends DiagnosticCode>(
  code: C,
  message: string,
  where: { path?: string | undefined; subject: DiagnosticSubject },
  severity: Severity = 'error',
): Diagnostic {
  const d: Diagnostic = { code, severity, message };
  if (where.path !== undefined) d.path = where.path;
  d.subject = where.subject;
  return d;
}

/**
 * A Tablewright bug as an error: `doing` is what failed (`planning getUser`),
 * `error` what was thrown. Says it is a bug, not a limit of the design.
 */
export function internalDiagnostic(
  doing: string,
  error: unknown,
  where: { path?: string | undefined; subject?: DiagnosticSubject | undefined } = {},
): Diagnostic {
  const thrown = error instanceof Error ? error.message : String(error);
  const d: Diagnostic = {
    code: 'engine.internal',
    severity: 'error',
    message: `Tablewright bug: ${doing} failed (${thrown}). This is a fault in Tablewright, not a limit of your design; please report it with this model.`,
  };
  if (where.path !== undefined) d.path = where.path;
  if (where.subject !== undefined) d.subject = where.subject;
  return d;
}
