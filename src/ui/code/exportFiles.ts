// One export's files for the Code panel, computed when its tab is opened. A format whose files hold
// the cost report (the design document) gets it from a cost worker at the user's prices, so the
// document says what the Cost panel says and costing a big design never blocks typing.
import { exportFormat, type Design, type ExportFile, type PriceTable } from '../../engine/index.ts';
import type { CostEstimator } from '../../store/costEstimator.ts';

let estimator: Promise<CostEstimator> | undefined;

/** The worker estimator, made on first use (only when a format that needs the cost is opened). */
function costEstimator(): Promise<CostEstimator> {
  estimator ??= import('../../store/workerCostEstimator.ts').then((m) => m.createWorkerCostEstimator());
  return estimator;
}

export interface ExportInputs {
  design: Design;
  prices: PriceTable;
  targetUtilization: number;
}

/** The files of format `id` for the design; rejects with a sentence when they cannot be made. */
export async function exportFiles(id: string, { design, prices, targetUtilization }: ExportInputs): Promise<ExportFile[]> {
  const format = exportFormat(id);
  if (!format) throw new Error(`no export format "${id}"`);
  if (!format.usesCost) return format.files(design);
  const result = await (await costEstimator()).estimate({ design, prices, targetUtilization });
  if (!result.ok) throw new Error(`the cost report could not be computed: ${result.error}`);
  return format.files(design, { cost: result.report });
}
