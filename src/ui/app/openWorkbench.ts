// Opens a NoSQL Workbench data model the user brings (a file, a drop, a paste):
// the model it imports to, in the text form, with the layout the file pins, as
// one undo step; asked first when the current work is the user's own (the same
// question the Examples menu asks). The import's report shows as the notice:
// what it could not map, each at its line and column in the file, and the
// patterns it proposes. A file it refuses leaves the work as it was, with the
// reason at its place. The importer is loaded when a Workbench file comes, and
// a big file is read off the page's thread (offThread.ts).
import { appStore } from '../../store/appStore.ts';
import { offThread } from './offThread.ts';
import type { OpenResult } from './openProblem.ts';
import { confirmReplaceWork } from './ReplaceWorkDialog.tsx';
import type { WorkbenchOpening } from './workbenchOpening.ts';
import WorkbenchOpeningWorker from './workbenchOpening.worker.ts?worker';
import { MOD } from '../shared/modifierKey.ts';

/** A JSON object with NoSQL Workbench's `DataModel` (and not a problem file): what `openProblemText` hands here. */
export function looksLikeWorkbench(text: string): boolean {
  return /^[\s\ufeff]*\{/.test(text) && text.includes('"DataModel"') && !text.includes('"ddb-design-problem/');
}

/** Reads a Workbench file on the page, the importer loaded first. */
async function readWorkbenchHere(text: string): Promise<WorkbenchOpening> {
  const { readWorkbenchNow } = await import('./workbenchOpening.ts');
  return readWorkbenchNow(text);
}

export async function openWorkbenchText(text: string, what: string): Promise<OpenResult> {
  const read = await offThread(text, () => new WorkbenchOpeningWorker(), readWorkbenchHere);
  if (!read.ok) return { ok: false, errors: read.errors };
  if (!(await confirmReplaceWork(`the NoSQL Workbench model ${JSON.stringify(read.modelName)}`))) return { ok: false, errors: [], cancelled: true };
  const { openSource, showNotice } = appStore.getState();
  openSource({ text: read.text, format: 'text' }, read.layout);
  const other = read.tables > 1 ? ` (the first of its ${String(read.tables)} tables; the command line's import --table takes another)` : '';
  showNotice({
    kind: 'info',
    title:
      `Imported ${what} from NoSQL Workbench (format ${read.version ?? 'without a version'}): table ${read.table}${other}, ${String(read.entities)} entities, ` +
      `${String(read.gsis)} GSIs, ${String(read.records)} sample items read. The file holds no access patterns: the ${String(read.proposed)} in the editor are proposals to accept or edit. ` +
      `${read.report.length > 0 ? `${String(read.report.length)} thing(s) could not be mapped exactly:` : 'Everything was mapped.'} Undo (${MOD}Z) brings back what you had.`,
    details: read.report,
  });
  return { ok: true, warnings: [], reported: true };
}
