import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { lzBomb } from '../testing/lzBomb.ts';
import { deriveDesign, designLayout, parseModelText } from '../engine/index.ts';
import { layoutDocument } from './layoutDocument.ts';
import { makeShareHash, MAX_SHARE_LINK_CHARS, MAX_SHARE_MODEL_CHARS, readShareHash, SHARE_PREFIX, shareHash, shareUrl } from './shareLink.ts';

const source = { text: 'model "Ünïcode ✓"\n# a comment with "quotes" & #hashes\n', format: 'text' as const };

describe('share links', () => {
  it('round-trips the source exactly, in either form', () => {
    expect(readShareHash(shareHash(source))).toEqual({ kind: 'ok', source, keys: 'composite' });
    const json = { text: '{\n  "name": "x"\n}\n', format: 'json' as const };
    expect(readShareHash(shareHash(json))).toEqual({ kind: 'ok', source: json, keys: 'composite' });
  });

  it('puts the model in the hash of the page URL, keeping its path', () => {
    const made = shareUrl('https://example.org/some/sub/path/?q=1#old', source);
    if (made.kind !== 'ok') throw new Error(made.message);
    const url = new URL(made.url);
    expect(url.pathname).toBe('/some/sub/path/');
    expect(readShareHash(url.hash)).toEqual({ kind: 'ok', source, keys: 'composite' });
  });

  it('ignores a hash that is not a share link', () => {
    expect(readShareHash('')).toEqual({ kind: 'none' });
    expect(readShareHash('#design')).toEqual({ kind: 'none' });
  });

  it('never opens part of a model from a truncated link', () => {
    const whole = { text: 'model "Shop"\n\nentity User key email\n  email: string\n', format: 'text' as const };
    const hash = shareHash(whole);
    for (let cut = 3; cut < hash.length; cut++) {
      const result = readShareHash(hash.slice(0, cut));
      // The last character or so may carry only padding bits: then the model is still whole.
      if (result.kind === 'ok') expect(result.source, `cut at ${cut}`).toEqual(whole);
      else expect(result.kind, `cut at ${cut}`).toBe('error');
    }
    expect(readShareHash(hash.slice(0, hash.length - 10)).kind).toBe('error');
  });

  it('refuses garbage with a message that says the current work was kept', () => {
    const result = readShareHash('#m=%%%not-lz');
    expect(result).toEqual({ kind: 'error', message: expect.stringMatching(/damaged.*current work was kept/) });
  });

  it('says so when a link was made by another version, without echoing what it holds', () => {
    const other = SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 'x'.repeat(10_000), f: 'text', n: 0, t: '' }));
    const result = readShareHash(other);
    expect(result).toEqual({ kind: 'error', message: expect.stringContaining('another version of Tablewright (an unknown format)') });
    expect(result.kind === 'error' && result.message.length).toBeLessThan(200);
    expect(readShareHash(SHARE_PREFIX + LZString.compressToEncodedURIComponent('{"v":2}'))).toEqual({
      kind: 'error',
      message: expect.stringContaining('(format 2)'),
    });
  });
});

describe('share link limits', () => {
  // Random text compresses poorly, like the least repetitive real model would.
  function randomText(chars: number): string {
    let seed = 5;
    let text = '';
    while (text.length < chars) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      text += String.fromCharCode(0x21 + (seed % 90));
    }
    return text;
  }

  it('makes and opens a link up to the limits', () => {
    const big = { text: 'entity User key id\n  id: string\n'.repeat(20_000), format: 'text' as const };
    const made = makeShareHash(big);
    expect(made.kind).toBe('ok');
    if (made.kind === 'ok') {
      expect(made.hash.length).toBeLessThanOrEqual(SHARE_PREFIX.length + MAX_SHARE_LINK_CHARS);
      expect(readShareHash(made.hash)).toEqual({ kind: 'ok', source: big, keys: 'composite' });
    }
  });

  it('refuses to make a link for a model past the decompressed limit, naming it', () => {
    const huge = { text: 'x'.repeat(MAX_SHARE_MODEL_CHARS), format: 'text' as const };
    expect(makeShareHash(huge)).toEqual({ kind: 'tooLarge', message: expect.stringMatching(/too large for a share link.*1,048,576.*Save it as a file/) });
    expect(shareUrl('https://example.org/', huge).kind).toBe('tooLarge');
    expect(() => shareHash(huge)).toThrow(RangeError);
  });

  it('refuses to make a link longer than the compressed limit, naming it', () => {
    const dense = { text: randomText(100_000), format: 'text' as const };
    expect(makeShareHash(dense)).toEqual({ kind: 'tooLarge', message: expect.stringMatching(/too large for a share link.*65,536/) });
  });

  it('refuses to open a link longer than the compressed limit, and keeps the current work', () => {
    const long = SHARE_PREFIX + LZString.compressToEncodedURIComponent(randomText(100_000));
    expect(long.length).toBeGreaterThan(SHARE_PREFIX.length + MAX_SHARE_LINK_CHARS);
    expect(readShareHash(long)).toEqual({ kind: 'error', message: expect.stringMatching(/too large to open.*65,536.*current work was kept/) });
    // Checked before anything else: a long run of garbage is refused by its length alone.
    expect(readShareHash(SHARE_PREFIX + '*'.repeat(MAX_SHARE_LINK_CHARS + 1))).toEqual({ kind: 'error', message: expect.stringMatching(/too large to open/) });
  });

  it('refuses to open a link that expands past the decompressed limit, and keeps the current work', () => {
    const repetitive = SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, f: 'text', n: 0, t: 'x'.repeat(MAX_SHARE_MODEL_CHARS) }));
    expect(repetitive.length).toBeLessThan(MAX_SHARE_LINK_CHARS);
    expect(readShareHash(repetitive)).toEqual({ kind: 'error', message: expect.stringMatching(/too large to open.*1,048,576.*current work was kept/) });
  });

  it('stops decompressing a crafted link at the limit: 2,322 characters that lz-string alone expands past 1 MiB', () => {
    const bomb = lzBomb(1447);
    expect(bomb.encoded.length).toBe(2322);
    expect(bomb.expandedLength).toBeGreaterThan(MAX_SHARE_MODEL_CHARS);
    expect(readShareHash(SHARE_PREFIX + bomb.encoded)).toEqual({ kind: 'error', message: expect.stringMatching(/too large to open/) });
    // The largest crafted link within the compressed limit would expand about 6,000-fold (some 400 million characters).
    const largest = lzBomb(28_393);
    expect(largest.encoded.length).toBeLessThanOrEqual(MAX_SHARE_LINK_CHARS);
    expect(largest.expandedLength).toBeGreaterThan(400_000_000);
    expect(readShareHash(SHARE_PREFIX + largest.encoded)).toEqual({ kind: 'error', message: expect.stringMatching(/too large to open/) });
  });
});

describe("share links carry the design's kept layout", () => {
  const text =
    'model "Shop"\n\nentity User key email\n  email: string\n  plan: "free" | "premium"\n\ngetUser: User by email returns one\ngetByPlan: User by plan\n';
  const model = parseModelText(text).model;
  if (!model) throw new Error('the test model does not parse');
  const layout = designLayout(deriveDesign(model));
  const shop = { text, format: 'text' as const };
  const payload = (extra: Record<string, unknown>) =>
    SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, f: 'text', n: text.length, t: text, ...extra }));

  it('round-trips the layout with the source', () => {
    expect(layout.indexes.map((i) => i.name)).toEqual(['table', 'GSI1']);
    const made = makeShareHash(shop, layout);
    expect(made).toEqual({ kind: 'ok', hash: expect.stringMatching(/^#m=/) });
    expect(readShareHash(shareHash(shop, layout))).toEqual({ kind: 'ok', source: shop, layout, keys: 'composite' });
    const url = shareUrl('https://example.org/', shop, layout);
    if (url.kind !== 'ok') throw new Error(url.message);
    expect(readShareHash(new URL(url.url).hash)).toEqual({ kind: 'ok', source: shop, layout, keys: 'composite' });
    // A link without one (made before layouts were shared) still opens, afresh.
    expect(readShareHash(shareHash(shop))).toEqual({ kind: 'ok', source: shop, keys: 'composite' });
  });

  it('refuses a link whose layout is damaged, opening nothing', () => {
    const good = layoutDocument(layout);
    for (const l of [null, 'GSI1', { ...good, indexes: 3 }, { ...good, surprise: 1 }, { ...good, entityAttribute: 'PK' }]) {
      expect(readShareHash(payload({ l })), JSON.stringify(l)).toEqual({
        kind: 'error',
        message: expect.stringMatching(/damaged \(its design layout is incomplete\).*current work was kept/),
      });
    }
    expect(readShareHash(payload({ l: good }))).toEqual({ kind: 'ok', source: shop, layout, keys: 'composite' });
  });

  it('leaves the layout out, and says so, when only the model fits in a link', () => {
    // A model just under the decompressed limit: with its layout it would not fit.
    const big = { text: 'x'.repeat(MAX_SHARE_MODEL_CHARS - 100), format: 'text' as const };
    expect(JSON.stringify(layoutDocument(layout)).length).toBeGreaterThan(100);
    expect(makeShareHash(big).kind).toBe('ok');
    const made = makeShareHash(big, layout);
    expect(made).toEqual({ kind: 'ok', hash: expect.any(String), layoutLeftOut: true });
    if (made.kind === 'ok') expect(readShareHash(made.hash)).toEqual({ kind: 'ok', source: big, keys: 'composite' });
    const url = shareUrl('https://example.org/', big, layout);
    expect(url).toMatchObject({ kind: 'ok', layoutLeftOut: true });
  });
});

describe('share links carry the key mode', () => {
  const text =
    'model "Shop"\n\nentity User key email\n  email: string\n  plan: "free" | "premium"\n\ngetUser: User by email returns one\ngetByPlan: User by plan\n';
  const model = parseModelText(text).model;
  if (!model) throw new Error('the test model does not parse');
  const composite = designLayout(deriveDesign(model));
  const native = designLayout(deriveDesign(model, { keys: 'native' }));
  const shop = { text, format: 'text' as const };
  const payload = (extra: Record<string, unknown>) =>
    SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, f: 'text', n: text.length, t: text, ...extra }));
  const content = (hash: string): unknown => JSON.parse(LZString.decompressFromEncodedURIComponent(hash.slice(SHARE_PREFIX.length)));

  it('round-trips a native design with its mode, with or without its layout', () => {
    expect(native.indexes.find((i) => i.name === 'GSI1')).toMatchObject({ keys: 'native' });
    expect(content(shareHash(shop, native, 'native'))).toMatchObject({ k: 'native' });
    expect(readShareHash(shareHash(shop, native, 'native'))).toEqual({ kind: 'ok', source: shop, layout: native, keys: 'native' });
    expect(readShareHash(shareHash(shop, undefined, 'native'))).toEqual({ kind: 'ok', source: shop, keys: 'native' });
    const url = shareUrl('https://example.org/', shop, native, 'native');
    if (url.kind !== 'ok') throw new Error(url.message);
    expect(readShareHash(new URL(url.url).hash)).toEqual({ kind: 'ok', source: shop, layout: native, keys: 'native' });
  });

  it('writes no mode for composite keys, so a link made before the switch opens as composite', () => {
    expect(shareHash(shop, composite, 'composite')).toBe(shareHash(shop, composite));
    expect(content(shareHash(shop, composite, 'composite'))).not.toHaveProperty('k');
    expect(readShareHash(payload({ l: layoutDocument(composite) }))).toEqual({ kind: 'ok', source: shop, layout: composite, keys: 'composite' });
    expect(readShareHash(payload({ k: 'composite' }))).toEqual({ kind: 'ok', source: shop, keys: 'composite' });
    // A native derivation keeps composite keys where no native key fits: such a layout opens in native mode.
    expect(readShareHash(payload({ k: 'native', l: layoutDocument(composite) }))).toEqual({ kind: 'ok', source: shop, layout: composite, keys: 'native' });
  });

  it('refuses a link naming an unknown key mode, or holding native keys without saying so', () => {
    for (const k of ['Native', 'native ', 'both', 1, null, true, {}, ['native']]) {
      expect(readShareHash(payload({ k })), JSON.stringify(k)).toEqual({
        kind: 'error',
        message: expect.stringMatching(/damaged \(it names no key mode Tablewright has\).*current work was kept/),
      });
    }
    for (const extra of [{}, { k: 'composite' }]) {
      expect(readShareHash(payload({ ...extra, l: layoutDocument(native) }))).toEqual({
        kind: 'error',
        message: expect.stringMatching(/damaged \(its design layout has native keys/),
      });
    }
  });

  it('counts the mode within the limit of what a link holds', () => {
    /** A model whose link content (with `extra`) is exactly `chars` characters. */
    const sized = (chars: number, extra: Record<string, unknown>) => {
      const overhead = JSON.stringify({ v: 1, f: 'text', n: chars, t: '', ...extra }).length;
      return { text: 'x'.repeat(chars - overhead), format: 'text' as const };
    };
    const fitsAlone = sized(MAX_SHARE_MODEL_CHARS, {});
    expect(makeShareHash(fitsAlone).kind).toBe('ok');
    expect(makeShareHash(fitsAlone, undefined, 'native')).toEqual({ kind: 'tooLarge', message: expect.stringContaining('too large for a share link') });
    const fitsWithMode = sized(MAX_SHARE_MODEL_CHARS, { k: 'native' });
    const made = makeShareHash(fitsWithMode, undefined, 'native');
    if (made.kind !== 'ok') throw new Error(made.message);
    expect(readShareHash(made.hash)).toEqual({ kind: 'ok', source: fitsWithMode, keys: 'native' });
  });
});

describe('share links carry the deployed design', () => {
  const text =
    'model "Shop"\n\nentity User key email\n  email: string\n  plan: "free" | "premium"\n\ngetUser: User by email returns one\ngetByPlan: User by plan\n';
  const model = parseModelText(text).model;
  if (!model) throw new Error('the test model does not parse');
  const deployed = designLayout(deriveDesign({ ...model, patterns: model.patterns.slice(0, 1) }));
  const layout = designLayout(deriveDesign(model, { previous: deployed, deployed: true }));
  const native = designLayout(deriveDesign(model, { keys: 'native' }));
  const shop = { text, format: 'text' as const };
  const payload = (extra: Record<string, unknown>) =>
    SHARE_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, f: 'text', n: text.length, t: text, ...extra }));
  const content = (hash: string): unknown => JSON.parse(LZString.decompressFromEncodedURIComponent(hash.slice(SHARE_PREFIX.length)));

  it('round-trips the deployed design beside the layout, in either key mode', () => {
    expect(content(shareHash(shop, layout, 'composite', deployed))).toMatchObject({ d: layoutDocument(deployed) });
    expect(readShareHash(shareHash(shop, layout, 'composite', deployed))).toEqual({ kind: 'ok', source: shop, layout, keys: 'composite', deployed });
    expect(readShareHash(shareHash(shop, undefined, 'native', deployed))).toEqual({ kind: 'ok', source: shop, keys: 'native', deployed });
    // A native deployed design in composite mode: it travels as it is; a layout kept from it with native GSIs is left out (the deployed design keeps them).
    expect(readShareHash(shareHash(shop, native, 'composite', native))).toEqual({ kind: 'ok', source: shop, keys: 'composite', deployed: native });
    const url = shareUrl('https://example.org/', shop, layout, 'composite', deployed);
    if (url.kind !== 'ok') throw new Error(url.message);
    expect(readShareHash(new URL(url.url).hash)).toEqual({ kind: 'ok', source: shop, layout, keys: 'composite', deployed });
  });

  it('opens a link without one (every link made before) unpinned', () => {
    expect(content(shareHash(shop, layout))).not.toHaveProperty('d');
    expect(readShareHash(payload({ l: layoutDocument(layout) }))).toEqual({ kind: 'ok', source: shop, layout, keys: 'composite' });
  });

  it('refuses a link whose deployed design is damaged, opening nothing, with a message that says so', () => {
    const good = layoutDocument(deployed);
    for (const d of [null, 'GSI1', [good], { ...good, indexes: 3 }, { ...good, surprise: 1 }, { ...good, format: 'tablewright-design/9' }]) {
      expect(readShareHash(payload({ d })), JSON.stringify(d)).toEqual({
        kind: 'error',
        message: expect.stringMatching(/damaged \(its deployed design is incomplete\).*current work was kept/),
      });
    }
    expect(readShareHash(payload({ d: good }))).toEqual({ kind: 'ok', source: shop, keys: 'composite', deployed });
  });

  it('never leaves the deployed design out to fit: too large is refused, naming it', () => {
    const overhead = JSON.stringify({ v: 1, f: 'text', n: MAX_SHARE_MODEL_CHARS, t: '' }).length;
    const fitsAlone = { text: 'x'.repeat(MAX_SHARE_MODEL_CHARS - overhead), format: 'text' as const };
    expect(makeShareHash(fitsAlone).kind).toBe('ok');
    expect(makeShareHash(fitsAlone, layout, 'composite', deployed)).toEqual({
      kind: 'tooLarge',
      message: expect.stringContaining('with its deployed design is too large for a share link'),
    });
  });
});
