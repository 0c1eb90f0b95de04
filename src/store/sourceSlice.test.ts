import { describe, expect, it } from 'vitest';
import { TYPING_BURST_MS } from './sourceSlice.ts';
import { createTestStore } from './testStore.ts';

const MODEL = 'model "Shop"\n\nentity User key email\n  email: string\n\ngetUser: User by email returns one\n';

describe('the source slice', () => {
  it('coalesces a burst of typing into one undo step', () => {
    const { store, clock } = createTestStore();
    store.getState().openSource({ text: 'a', format: 'text' });
    for (const text of ['ab', 'abc', 'abcd']) {
      clock.now += 100;
      store.getState().setSource(text);
    }
    store.getState().undo();
    expect(store.getState().source.text).toBe('a');
  });

  it('starts a new undo step after a pause in typing', () => {
    const { store, clock } = createTestStore();
    store.getState().openSource({ text: 'a', format: 'text' });
    store.getState().setSource('ab');
    clock.now += TYPING_BURST_MS + 1;
    store.getState().setSource('abc');
    store.getState().undo();
    expect(store.getState().source.text).toBe('ab');
    store.getState().undo();
    expect(store.getState().source.text).toBe('a');
  });

  it('never coalesces typing into an opened source, and redo restores what undo took', () => {
    const { store } = createTestStore();
    store.getState().setSource('typed');
    store.getState().openSource({ text: '{}', format: 'json' });
    store.getState().undo();
    expect(store.getState().source).toEqual({ text: 'typed', format: 'text' });
    expect(store.getState().canRedo).toBe(true);
    store.getState().redo();
    expect(store.getState().source).toEqual({ text: '{}', format: 'json' });
    expect(store.getState().canRedo).toBe(false);
  });

  it('drops the redo steps when a new edit follows an undo', () => {
    const { store, clock } = createTestStore();
    store.getState().openSource({ text: 'one', format: 'text' });
    store.getState().openSource({ text: 'two', format: 'text' });
    store.getState().undo();
    clock.now += TYPING_BURST_MS * 2;
    store.getState().setSource('one!');
    expect(store.getState().canRedo).toBe(false);
    expect(store.getState().future).toEqual([]);
  });

  it('converts the text form to problem JSON and back as one undo step each', () => {
    const { store } = createTestStore();
    store.getState().openSource({ text: MODEL, format: 'text' });
    store.getState().setFormat('json');
    const json = store.getState().source;
    expect(json.format).toBe('json');
    expect(JSON.parse(json.text)).toMatchObject({ name: 'Shop', patterns: [{ name: 'getUser', returns: 'one' }] });
    store.getState().undo();
    expect(store.getState().source).toEqual({ text: MODEL, format: 'text' });
  });

  it('brings the comments and blank lines back when problem JSON, edited or not, becomes text again', () => {
    const { store, clock } = createTestStore();
    const commented = `# the shop\nmodel "Shop"   # its name\n\nentity User key email   # people\n  # how to reach them\n  email: string   # unique\n\n\n# reads\ngetUser: User by email returns one   # sign-in\n`;
    store.getState().openSource({ text: commented, format: 'text' });
    store.getState().setFormat('json');
    expect(store.getState().source.text).not.toContain('#');
    store.getState().setFormat('text');
    expect(store.getState().source).toEqual({ text: commented, format: 'text' });

    store.getState().setFormat('json');
    clock.now += TYPING_BURST_MS + 1;
    store.getState().setSource(store.getState().source.text.replace('"name": "Shop"', '"name": "Store"'));
    store.getState().setFormat('text');
    expect(store.getState().source.text).toBe(commented.replace('"Shop"', '"Store"'));
  });

  it('refuses to convert a source with errors, says where they are, and keeps the text', () => {
    const { store } = createTestStore();
    const broken = MODEL.replace('by email', 'by mail');
    store.getState().openSource({ text: broken, format: 'text' });
    store.getState().setFormat('json');
    expect(store.getState().source).toEqual({ text: broken, format: 'text' });
    const notice = store.getState().notice;
    expect(notice?.kind).toBe('error');
    expect(notice?.details.join('\n')).toMatch(/line 6, col \d+: .*mail/);
  });
});
