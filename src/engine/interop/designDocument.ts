// The design document (Markdown): designMarkdown with every section it has (entity chart, indexes,
// sparse indexes, pattern → request table, writes, cost a month, warnings). The cost is the caller's
// report when it has one (the app's Cost panel computed it), else computed here.
import { costReport, type CostReport } from '../cost/costReport.ts';
import { designMarkdown } from '../design/designMarkdown.ts';
import type { Design } from '../design/types.ts';
import { describeWrites } from '../writes/describeWrites.ts';

export async function designDocument(design: Design, cost?: CostReport): Promise<string> {
  return designMarkdown(design, describeWrites(design), cost ?? (await costReport(design)));
}
