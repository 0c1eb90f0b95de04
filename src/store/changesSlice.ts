// What differs from the pinned deployed design and the migration that carries the live table there
// (changesComputer.ts: FROM planned with the model, the engine's migrationPlan and designDiff). While
// a deployed design is pinned and the Changes view or the Run panel is shown, a change of the design
// (an analysis done against that pin), the rate, the drop choice or the prices computes them again in
// the computer (a worker in the app), a moment after the last change; only a result for what the
// store holds now is applied. The last figures stay while newer ones are computed (`computingChanges`)
// and when they fail (`changesError`); `changesCurrent` says whether they are the current design's.
import type { StateCreator, StoreApi } from 'zustand';
import { DEFAULT_BACKFILL_RATE, type MigrationPlan } from '../engine/index.ts';
import type { ChangesComputer, ChangesRequest } from './changesComputer.ts';
import type { AppState, ChangesSlice, PanelId } from './types.ts';

/** Quiet time after a change before the figures are computed again. */
export const CHANGES_DEBOUNCE_MS = 150;
/** The panels that show the figures. */
const SHOWN_IN: readonly PanelId[] = ['changes', 'run'];
/** The highest backfill rate the app takes (items a second): far above what one table takes without throttling. */
export const MAX_MIGRATION_RATE = 1_000_000;

/** A rate the backfill takes: a number of items a second above 0, at most MAX_MIGRATION_RATE. */
export function isMigrationRate(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= MAX_MIGRATION_RATE;
}

export interface ChangesSliceOptions {
  computer: ChangesComputer;
}

export function createChangesSlice({ computer }: ChangesSliceOptions): StateCreator<AppState, [], [], ChangesSlice> {
  return (set, _get, api) => {
    watchChangesInputs(api, computer);
    return {
      migrationRate: DEFAULT_BACKFILL_RATE,
      setMigrationRate: (rate) => {
        if (isMigrationRate(rate)) set({ migrationRate: rate });
      },
      dropUnused: false,
      setDropUnused: (dropUnused) => set({ dropUnused }),
      changes: undefined,
      changesError: undefined,
      computingChanges: false,
    };
  };
}

/**
 * True when `request` was made of what the store holds now. The design is compared by what the plan reads
 * (its model, indexes and pattern plans): the lint's findings replace the design object, not these.
 */
export function sameChangesInputs(state: AppState, request: (Omit<ChangesRequest, 'prices'> & { prices?: ChangesRequest['prices'] }) | undefined): boolean {
  const design = state.design;
  return (
    request !== undefined &&
    design !== undefined &&
    design.model === request.design.model &&
    design.indexes === request.design.indexes &&
    design.patterns === request.design.patterns &&
    state.deployed === request.deployed &&
    state.migrationRate === request.rate &&
    state.dropUnused === request.dropUnused &&
    (request.prices === undefined || state.prices === request.prices)
  );
}

/** True when the plan changes nothing on the table: the same design, only the verify left. */
export function nothingToMigrate(plan: MigrationPlan): boolean {
  return plan.impossible.length === 0 && plan.from === plan.to && plan.steps.every((s) => s.kind === 'verify');
}

/** The figures shown are those of the current design against the current pin (not one being recomputed, nor an older one kept). */
export function changesCurrent(state: AppState): boolean {
  return state.changes !== undefined && !state.analyzing && !state.stale && sameChangesInputs(state, state.changes);
}

function requestOf(state: AppState): ChangesRequest | undefined {
  const { design, deployed } = state;
  if (design === undefined || deployed === undefined) return undefined;
  return { design, deployed, rate: state.migrationRate, dropUnused: state.dropUnused, prices: state.prices };
}

function watchChangesInputs(api: StoreApi<AppState>, computer: ChangesComputer): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The inputs of the figures shown (or of the failure said), and of the computation on its way.
  let done: ChangesRequest | undefined;
  let scheduled: ChangesRequest | undefined;

  const run = async () => {
    timer = undefined;
    const request = requestOf(api.getState());
    // An analysis on its way (another pin, an edit): its design comes first.
    if (request === undefined || api.getState().analyzing) return;
    scheduled = request;
    const result = await computer.compute(request);
    // Superseded: what the figures depend on changed meanwhile; the newer run applies.
    if (!sameChangesInputs(api.getState(), request)) return;
    done = request;
    api.setState(
      result.ok
        ? { changes: { ...request, from: result.from, plan: result.plan, diff: result.diff }, changesError: undefined, computingChanges: false }
        : { changesError: result.error, computingChanges: false },
    );
  };

  api.subscribe((state) => {
    if (!SHOWN_IN.includes(state.activePanel) || state.analyzing) return;
    if (state.deployed === undefined) {
      if (state.changes !== undefined || state.changesError !== undefined || state.computingChanges)
        api.setState({ changes: undefined, changesError: undefined, computingChanges: false });
      done = scheduled = undefined;
      return;
    }
    if (state.design === undefined || sameChangesInputs(state, scheduled)) return;
    if (sameChangesInputs(state, done)) {
      // Back to what the figures show (a change undone before its figures arrived).
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      scheduled = done;
      if (state.computingChanges) api.setState({ computingChanges: false });
      return;
    }
    scheduled = requestOf(state);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => void run(), CHANGES_DEBOUNCE_MS);
    if (!state.computingChanges) api.setState({ computingChanges: true });
  });
}
