// What differs from the deployed design and how the live table gets there (what the worker and the
// inline computer both run): FROM is the deployed layout planned with the current model (as the CLI
// plans a design.json: patterns it cannot serve are "not served before"), TO the current design; the
// engine's migrationPlan and designDiff (given that plan) at the request's rate and prices.
import { designDiff, migrationPlan, planDesign } from '../engine/index.ts';
import type { ChangesRequest, ChangesResult } from './changesComputer.ts';

export function computeChanges({ design, deployed, rate, dropUnused, prices }: ChangesRequest): ChangesResult {
  try {
    const from = planDesign(design.model, deployed);
    const plan = migrationPlan(from, design, { dropUnused });
    return { ok: true, from, plan, diff: designDiff(from, design, { rate, prices, plan }) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
