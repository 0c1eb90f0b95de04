import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_CHARS, MAX_SOURCE_FILE_BYTES, editSizeProblem, fileSizeProblem, sourceSizeProblem, withinSourceLimit } from './sourceLimit.ts';
import { createTestStore } from './testStore.ts';

const MODEL = 'model "Shop"\n\nentity User key email\n  email: string\n\ngetUser: User by email returns one\n';
/** A text one character past the limit (a comment line after a valid model). */
const TOO_BIG = MODEL + '#' + 'x'.repeat(MAX_SOURCE_CHARS - MODEL.length);

describe('the model size limit', () => {
  it('takes a model of exactly the limit and refuses one character more', () => {
    expect(withinSourceLimit(MAX_SOURCE_CHARS)).toBe(true);
    expect(withinSourceLimit(MAX_SOURCE_CHARS + 1)).toBe(false);
    expect(sourceSizeProblem(MAX_SOURCE_CHARS, 'big.model')).toBeUndefined();
    expect(editSizeProblem(MAX_SOURCE_CHARS)).toBeUndefined();
    expect(fileSizeProblem(MAX_SOURCE_FILE_BYTES, 'big.model')).toBeUndefined();
  });

  it('names the input, its size and the limit, and says the work was kept', () => {
    const message = sourceSizeProblem(10_485_760, 'big.model');
    expect(message).toBe(
      'big.model was not opened: it has 10,485,760 characters (10.5 MB) and a model may have at most 2,000,000 characters. Your current work was kept.',
    );
    expect(fileSizeProblem(MAX_SOURCE_FILE_BYTES + 1, 'huge.json')).toMatch(
      /^huge\.json was not opened: at 6,000,001 bytes \(6\.0 MB\).*2,000,000 characters.*kept/,
    );
    expect(editSizeProblem(MAX_SOURCE_CHARS + 1)).toMatch(
      /^That edit was not applied: the model would have 2,000,001 characters.*at most 2,000,000 characters\. Your text was kept/,
    );
  });

  it('the store refuses to open a model past the limit, keeps the work and says why', () => {
    const { store } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    expect(TOO_BIG.length).toBe(MAX_SOURCE_CHARS + 1);
    store.getState().openSource({ text: TOO_BIG, format: 'text' });
    expect(store.getState().source.text).toBe(MODEL);
    expect(store.getState().notice?.kind).toBe('error');
    expect(store.getState().notice?.title).toMatch(/2,000,001 characters.*at most 2,000,000/);
    store.getState().undo();
    expect(store.getState().source.text).toBe('');
  });

  it('the store refuses an edit past the limit and keeps the text as it was', () => {
    const { store } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    store.getState().setSource(TOO_BIG);
    expect(store.getState().source.text).toBe(MODEL);
    expect(store.getState().canRedo).toBe(false);
    expect(store.getState().notice?.title).toMatch(/^That edit was not applied/);
    store.getState().setSource(MODEL + '\n');
    expect(store.getState().source.text).toBe(MODEL + '\n');
  });
});
