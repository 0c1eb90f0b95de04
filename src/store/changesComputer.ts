// Where the Changes view's figures are computed: behind this interface, in a Web Worker in the app
// (workerChangesComputer.ts; the migration plan prices the backfill on seeded samples of the new
// design, some 0.2 s for the e-commerce example and 1.5 s for 1,000 patterns) or inline in tests and
// where Worker is missing.
import type { Design, DesignDiff, DesignLayout, MigrationPlan, PriceTable } from '../engine/index.ts';

export interface ChangesRequest {
  /** The current design, derived against `deployed` as deployed (the migration's TO). */
  design: Design;
  /** The pinned deployed design (the migration's FROM, planned with the current model). */
  deployed: DesignLayout;
  /** Items per second the backfill's time is computed at. */
  rate: number;
  /** Whether the plan deletes the GSIs no pattern reads any more. */
  dropUnused: boolean;
  prices: PriceTable;
}

/** FROM (the deployed layout planned with the model), the migration plan and the diff; or why they could not be computed (a sentence). */
export type ChangesResult = { ok: true; from: Design; plan: MigrationPlan; diff: DesignDiff } | { ok: false; error: string };

export interface ChangesComputer {
  compute: (request: ChangesRequest) => Promise<ChangesResult>;
}

/** On the calling thread, after the current task; the engine's evolve half is imported on first use. */
export const inlineChangesComputer: ChangesComputer = {
  compute: async (request) => {
    const { computeChanges } = await import('./computeChanges.ts');
    return computeChanges(request);
  },
};
