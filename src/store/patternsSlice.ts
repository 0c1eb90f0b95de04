// Which pattern is selected, its parameter values, and its in-memory answer (on
// the sample items as the Writes view's writes left them).
import type { StateCreator } from 'zustand';
import { sampleParams } from '../engine/index.ts';
import { patternResults } from './patternResults.ts';
import type { AppState, PatternsSlice } from './types.ts';
import { sampleItemsOf } from './writesSlice.ts';

export const createPatternsSlice: StateCreator<AppState, [], [], PatternsSlice> = (set, get) => {
  const resultsFor = (state: AppState, pattern: string | undefined, params: AppState['params']) =>
    patternResults({ design: state.design, items: sampleItemsOf(state), pattern, params: pattern === undefined ? undefined : params[pattern] });

  return {
    selectedPattern: undefined,
    params: {},
    editedParams: [],
    requests: [],
    resultItems: [],
    requestError: undefined,

    selectPattern: (name) => {
      const state = get();
      if (name === state.selectedPattern) return;
      set({ selectedPattern: name, ...resultsFor(state, name, state.params) });
    },

    setParams: (pattern, values) => {
      const state = get();
      const params = { ...state.params, [pattern]: values };
      const editedParams = state.editedParams.includes(pattern) ? state.editedParams : [...state.editedParams, pattern];
      set({
        params,
        editedParams,
        ...(pattern === state.selectedPattern ? resultsFor(state, pattern, params) : {}),
      });
    },

    resetParams: (pattern) => {
      const state = get();
      if (!state.model || !state.model.patterns.some((p) => p.name === pattern)) return;
      const params = { ...state.params, [pattern]: sampleParams(state.model, state.records, pattern) };
      set({
        params,
        editedParams: state.editedParams.filter((name) => name !== pattern),
        ...(pattern === state.selectedPattern ? resultsFor(state, pattern, params) : {}),
      });
    },
  };
};
