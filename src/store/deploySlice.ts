// The deployed design: a layout the user pinned as the one the live table has ("Mark as deployed",
// or a design.json loaded). While one is pinned every analysis derives against it as deployed
// (`deriveDesign(model, { previous: deployed, deployed: true })`, the request's `deployed`): its GSIs
// and templates stay, and what the live table cannot take is an `evolve.*` error at its place in the
// editor. It belongs to the work: autosaved, carried in share links, and another work brings its own
// (or none); undo across an opening brings back the one that work had (`workStart.deployed`).
//
// A pinned layout always went through design.json (layoutDocument → the engine's parseDesignJson),
// the form it is kept and shared in, so what is pinned is exactly what comes back.
import type { StateCreator } from 'zustand';
import { designIdentity, designLayout, formatDiagnostic, parseDesignJson, type DesignLayout } from '../engine/index.ts';
import { layoutDocument, readLayoutDocument } from './layoutDocument.ts';
import { sourceSizeProblem } from './sourceLimit.ts';
import type { AppState, DeploySlice } from './types.ts';

/** Two layouts of the same contract (designIdentity) and table name: pinning one over the other changes nothing. */
export function sameDeployed(a: DesignLayout | undefined, b: DesignLayout | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.tableName === b.tableName && designIdentity(a) === designIdentity(b);
}

export function createDeploySlice(): StateCreator<AppState, [], [], DeploySlice> {
  return (set, get, api) => {
    // Another work (opened, or reached by undo/redo): the deployed design it brought or had, or none.
    api.subscribe((state, previous) => {
      if (state.workStart !== previous.workStart && state.workStart.deployed !== state.deployed) api.setState({ deployed: state.workStart.deployed });
    });

    const pin = (layout: DesignLayout, what: string, warnings: string[] = []) => {
      set({ deployed: layout });
      get().showNotice({
        kind: 'info',
        title: `${what} is pinned as the deployed design of table ${layout.tableName} (design ${designIdentity(layout)}). Changes are now derived against it: see the Changes view.`,
        details: warnings,
      });
    };

    return {
      deployed: undefined,

      markDeployed: (layout) => {
        const { design, stale, showNotice } = get();
        if (layout === undefined) {
          if (design === undefined || stale) {
            showNotice({
              kind: 'error',
              title: 'There is no design to mark as deployed: the model has errors. Fix them first; nothing was pinned.',
              details: [],
            });
            return false;
          }
        }
        const chosen = layout ?? designLayout(design as NonNullable<typeof design>);
        // Through design.json and back, as it is kept and shared.
        const read = readLayoutDocument(layoutDocument(chosen));
        if (read === undefined) {
          showNotice({
            kind: 'error',
            title: 'This design could not be written as design.json and read back, so it was not pinned (a bug: please report it).',
            details: [],
          });
          return false;
        }
        pin(read, layout === undefined ? 'The current design' : 'The migrated design');
        return true;
      },

      loadDeployed: (text, fileName) => {
        const { showNotice } = get();
        const tooBig = sourceSizeProblem(text.length, fileName);
        if (tooBig !== undefined) {
          showNotice({ kind: 'error', title: tooBig.replace('Your current work was kept.', 'Nothing was pinned.'), details: [] });
          return false;
        }
        const parsed = parseDesignJson(text);
        const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
        if (parsed.design === undefined) {
          showNotice({
            kind: 'error',
            title: `${fileName} is not a design Tablewright can pin (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}); nothing was pinned:`,
            details: (errors.length > 0 ? errors : parsed.diagnostics).map(formatDiagnostic),
          });
          return false;
        }
        const { tableName, entityAttribute, indexes, entities } = parsed.design;
        const read = readLayoutDocument(layoutDocument({ tableName, entityAttribute, indexes, entities }));
        if (read === undefined) {
          showNotice({ kind: 'error', title: `${fileName} could not be kept as design.json, so it was not pinned (a bug: please report it).`, details: [] });
          return false;
        }
        pin(
          read,
          fileName,
          parsed.diagnostics.map((d) => `warning: ${formatDiagnostic(d)}`),
        );
        return true;
      },

      unpinDeployed: () => {
        if (get().deployed === undefined) return;
        set({ deployed: undefined });
      },
    };
  };
}
