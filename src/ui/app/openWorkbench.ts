// Opens a NoSQL Workbench data model the user brings (a file, a drop, a paste):
// the model it imports to, in the text form, with the layout the file pins, as
// one undo step; asked first when the current work is the user's own (the same
// question the Examples menu asks). The import's report shows as the notice:
// what it could not map, each at its line and column in the file, and the
// patterns it proposes. A file it refuses leaves the work as it was, with the
// reason at its place. The importer is loaded when a Workbench file comes.
import { formatDiagnostic, printModelText, type Diagnostic } from '../../engine/index.ts';
import { appStore } from '../../store/appStore.ts';
import type { OpenResult } from './openProblem.ts';
import { confirmReplaceWork } from './ReplaceWorkDialog.tsx';
import { MOD } from '../shared/modifierKey.ts';

/** A JSON object with NoSQL Workbench's `DataModel` (and not a problem file): what `openProblemText` hands here. */
export function looksLikeWorkbench(text: string): boolean {
  return /^[\s\ufeff]*\{/.test(text) && text.includes('"DataModel"') && !text.includes('"ddb-design-problem/');
}

/** A diagnostic as a line of the report: where in the file (line and column, else the JSON path), then what. */
const reportLine = (d: Diagnostic) => `${formatDiagnostic(d)}${d.span && d.path ? ` (${d.path})` : ''}`;

export async function openWorkbenchText(text: string, what: string): Promise<OpenResult> {
  const { importWorkbench } = await import('../../engine/interop/workbench/importWorkbench.ts');
  const result = importWorkbench(text);
  if (!result.ok) return { ok: false, errors: result.diagnostics.filter((d) => d.severity === 'error').map(reportLine) };
  const name = `the NoSQL Workbench model ${JSON.stringify(result.model.name)}`;
  if (!(await confirmReplaceWork(name))) return { ok: false, errors: [], cancelled: true };
  const { openSource, showNotice } = appStore.getState();
  openSource({ text: printModelText(result.model), format: 'text' }, result.layout);
  const records = result.samples.reduce((n, s) => n + s.records.length, 0);
  const other = result.tables.length > 1 ? ` (the first of its ${String(result.tables.length)} tables; the command line's import --table takes another)` : '';
  showNotice({
    kind: 'info',
    title:
      `Imported ${what} from NoSQL Workbench (format ${result.version ?? 'without a version'}): table ${result.table}${other}, ${String(result.model.entities.length)} entities, ` +
      `${String(result.layout.indexes.length - 1)} GSIs, ${String(records)} sample items read. The file holds no access patterns: the ${String(result.proposed.length)} in the editor are proposals to accept or edit. ` +
      `${result.diagnostics.length > 0 ? `${String(result.diagnostics.length)} thing(s) could not be mapped exactly:` : 'Everything was mapped.'} Undo (${MOD}Z) brings back what you had.`,
    details: result.diagnostics.map(reportLine),
  });
  return { ok: true, warnings: [], reported: true };
}
