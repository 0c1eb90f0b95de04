// The store's analysis of a model whose entities, attributes and patterns are named like
// Object.prototype's members: records, parameters and results keep every name, and each
// pattern selected answers the records the engine's brute force finds (issue 12).
import { describe, expect, it } from 'vitest';
import { answerPattern, fromItem } from '../engine/index.ts';
import { PROTO_MODEL_TEXT, PROTO_NAMES } from '../engine/testing/protoNames.ts';
import { createTestStore } from './testStore.ts';

describe('the store with prototype member names', () => {
  it('analyses the model and answers every pattern in the Patterns panel state', async () => {
    const { store, settled, codeShown } = createTestStore();
    store.getState().openSource({ text: PROTO_MODEL_TEXT, format: 'text' });
    await settled();
    const state = store.getState();
    expect(state.stale).toBe(false);
    expect(state.design?.patterns.map((p) => p.pattern)).toEqual([...PROTO_NAMES]);
    expect([...state.records.keys()]).toEqual([...PROTO_NAMES]);
    expect(state.items.length).toBe(PROTO_NAMES.length * 3);
    expect(await codeShown()).toContain('__proto__');
    const model = state.model;
    if (!model) throw new Error('no model');
    for (const name of PROTO_NAMES) {
      store.getState().selectPattern(name);
      const { params, requestError, resultItems, design } = store.getState();
      if (!design) throw new Error('no design');
      const own = Object.hasOwn(params, name) ? params[name] : undefined;
      expect(own && Object.keys(own).length, name).toBeGreaterThan(0);
      expect(requestError, name).toBeUndefined();
      const expected = answerPattern(model, state.records, name, own ?? {}).map((a) => a.record);
      expect(expected.length, name).toBeGreaterThan(0);
      expect(
        resultItems.map((item) => fromItem(design, item).record),
        name,
      ).toEqual(expected);
    }
  });
});
