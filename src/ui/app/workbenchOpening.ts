// A NoSQL Workbench file read for the app (openWorkbench.ts): the model it imports to, in the text form,
// the layout it pins, the figures of the import's report and its lines (each at its line and column in
// the file), or why the file is refused. Pure, so a big file is read in workbenchOpening.worker.ts; what
// crosses is this summary, not the file's sample records.
import { formatDiagnostic, printModelText, type Diagnostic, type DesignLayout } from '../../engine/index.ts';
import { importWorkbench } from '../../engine/interop/workbench/importWorkbench.ts';

export type WorkbenchOpening =
  | {
      ok: true;
      modelName: string;
      /** The imported model in the text form. */
      text: string;
      layout: DesignLayout;
      /** The file's format version (undefined: a file without one). */
      version: string | undefined;
      table: string;
      tables: number;
      entities: number;
      gsis: number;
      /** Sample items read. */
      records: number;
      /** Patterns the import proposes (the file holds none). */
      proposed: number;
      /** What could not be mapped exactly, a line each. */
      report: string[];
    }
  | { ok: false; errors: string[] };

/** A diagnostic as a line of the report: where in the file (line and column, else the JSON path), then what. */
const reportLine = (d: Diagnostic) => `${formatDiagnostic(d)}${d.span && d.path ? ` (${d.path})` : ''}`;

/** Reads `text` on the calling thread. */
export function readWorkbenchNow(text: string): WorkbenchOpening {
  const result = importWorkbench(text);
  if (!result.ok) return { ok: false, errors: result.diagnostics.filter((d) => d.severity === 'error').map(reportLine) };
  return {
    ok: true,
    modelName: result.model.name,
    text: printModelText(result.model),
    layout: result.layout,
    version: result.version,
    table: result.table,
    tables: result.tables.length,
    entities: result.model.entities.length,
    gsis: result.layout.indexes.length - 1,
    records: result.samples.reduce((n, s) => n + s.records.length, 0),
    proposed: result.proposed.length,
    report: result.diagnostics.map(reportLine),
  };
}
