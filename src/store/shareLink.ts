// The share link format: the whole source (text + form) and the layout its design
// keeps (index names and key templates, as a design.json document) compressed into
// the URL hash as `#m=<lz-string>`, with the key mode when it is native (`k`; a
// link without one is composite, as every link made before the mode was) and the
// design pinned as deployed when there is one (`d`, a design.json document; a link
// without one pins nothing, as every link made before). Parsed
// once, here, at the edge: anything that is not exactly what shareHash wrote is
// refused with a message and opens nothing. Only the model, its layout, its key
// mode and its deployed design go in: never settings, endpoints or credentials.
import LZString from 'lz-string';
import type { DesignLayout, KeysMode } from '../engine/index.ts';
import { DEFAULT_KEYS_MODE, isKeysMode, layoutFitsKeysMode } from './keysMode.ts';
import { layoutDocument, readLayoutDocument } from './layoutDocument.ts';
import { decompressFromEncodedURIComponent } from './lzStringBounded.ts';
import type { Source } from './types.ts';

export const SHARE_PREFIX = '#m=';
const VERSION = 1;

/** The longest share link the app makes or opens: characters after `#m=` (compressed, ASCII). */
export const MAX_SHARE_LINK_CHARS = 64 * 1024;
/**
 * The most a share link may hold once decompressed: characters of its content (the
 * model's text, its layout when it fits, and a few bytes of framing). Decompression stops here, so a crafted
 * link cannot make the page allocate more (lz-string alone would expand one of
 * 64 KiB to some 400 million characters).
 */
export const MAX_SHARE_MODEL_CHARS = 1024 * 1024;

export type ShareLinkResult =
  { kind: 'none' } | { kind: 'ok'; source: Source; layout?: DesignLayout; keys: KeysMode; deployed?: DesignLayout } | { kind: 'error'; message: string };

/**
 * A link made, or why none can be. `layoutLeftOut`: the layout did not fit within the limits, so the
 * link holds the model (and key mode) alone and opens it with a design derived afresh (GSI names may differ).
 */
export type ShareLinkMade<T> = ({ kind: 'ok'; layoutLeftOut?: true } & T) | { kind: 'tooLarge'; message: string };

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The hash `#m=…` for `source`, the layout its design keeps (left out when only the source fits), its
 * key mode (always in: a few characters) and the design pinned as deployed (always in: a link that
 * dropped it would open the work unpinned), or why no share link can carry it.
 */
export function makeShareHash(
  source: Source,
  layout?: DesignLayout,
  keys: KeysMode = DEFAULT_KEYS_MODE,
  deployed?: DesignLayout,
): ShareLinkMade<{ hash: string }> {
  // The default mode is left out: such a link is the very link made before modes existed.
  const framed = {
    v: VERSION,
    f: source.format,
    n: source.text.length,
    t: source.text,
    ...(keys === DEFAULT_KEYS_MODE ? {} : { k: keys }),
    ...(deployed ? { d: layoutDocument(deployed) } : {}),
  };
  // A layout kept from a native deployed design in composite mode is none a composite link may hold: the deployed design keeps its GSIs.
  if (layout && layoutFitsKeysMode(layout, keys)) {
    const payload = JSON.stringify({ ...framed, l: layoutDocument(layout) });
    const encoded = payload.length <= MAX_SHARE_MODEL_CHARS ? LZString.compressToEncodedURIComponent(payload) : undefined;
    if (encoded !== undefined && encoded.length <= MAX_SHARE_LINK_CHARS) return { kind: 'ok', hash: SHARE_PREFIX + encoded };
  }
  const payload = JSON.stringify(framed);
  const tooLarge = (what: string) => ({
    kind: 'tooLarge' as const,
    message: `This model${deployed ? ' with its deployed design' : ''} is too large for a share link: ${what}. Save it as a file to share it.`,
  });
  if (payload.length > MAX_SHARE_MODEL_CHARS) {
    return tooLarge(`it has ${count(payload.length)} characters and a link holds at most ${count(MAX_SHARE_MODEL_CHARS)}`);
  }
  const encoded = LZString.compressToEncodedURIComponent(payload);
  if (encoded.length > MAX_SHARE_LINK_CHARS) {
    return tooLarge(`its link would be ${count(encoded.length)} characters long and links are at most ${count(MAX_SHARE_LINK_CHARS)}`);
  }
  return { kind: 'ok', hash: SHARE_PREFIX + encoded, ...(layout ? { layoutLeftOut: true as const } : {}) };
}

/** The hash for a source (and layout, key mode, deployed design) that fits in a share link (tests, benches); throws a RangeError when it does not. */
export function shareHash(source: Source, layout?: DesignLayout, keys?: KeysMode, deployed?: DesignLayout): string {
  const made = makeShareHash(source, layout, keys, deployed);
  if (made.kind === 'tooLarge') throw new RangeError(made.message);
  return made.hash;
}

/** The link for `source`, its layout, key mode and deployed design on the page at `href` (its hash replaced), or why there is none. */
export function shareUrl(href: string, source: Source, layout?: DesignLayout, keys?: KeysMode, deployed?: DesignLayout): ShareLinkMade<{ url: string }> {
  const made = makeShareHash(source, layout, keys, deployed);
  if (made.kind === 'tooLarge') return made;
  const url = new URL(href);
  url.hash = made.hash.slice(1);
  return { kind: 'ok', url: url.toString(), ...(made.layoutLeftOut ? { layoutLeftOut: true as const } : {}) };
}

export function readShareHash(hash: string): ShareLinkResult {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  const broken = (why: string): ShareLinkResult => ({
    kind: 'error',
    message: `This share link is damaged (${why}); perhaps it was cut short when it was copied. Your current work was kept.`,
  });
  const tooLarge = (why: string): ShareLinkResult => ({
    kind: 'error',
    message: `This share link is too large to open: ${why}. Your current work was kept.`,
  });
  const encoded = hash.slice(SHARE_PREFIX.length);
  if (encoded === '') return broken('it holds no model');
  if (encoded.length > MAX_SHARE_LINK_CHARS) {
    return tooLarge(`it is ${count(encoded.length)} characters long and share links are at most ${count(MAX_SHARE_LINK_CHARS)}`);
  }
  if (!/^[A-Za-z0-9+\-$]*$/.test(encoded)) return broken('it has characters a share link never has');
  const decompressed = decompressFromEncodedURIComponent(encoded, MAX_SHARE_MODEL_CHARS);
  if (decompressed.kind === 'tooLarge') return tooLarge(`it holds more than ${count(MAX_SHARE_MODEL_CHARS)} characters, the most a share link may hold`);
  if (decompressed.kind === 'damaged') return broken('it does not decompress');
  let value: unknown;
  try {
    value = JSON.parse(decompressed.text);
  } catch {
    return broken('its content is incomplete');
  }
  if (typeof value !== 'object' || value === null) return broken('its content is not a model');
  const { v, f, n, t, l, k, d } = value as Record<string, unknown>;
  if (v !== VERSION) {
    const format = typeof v === 'number' && Number.isSafeInteger(v) ? `format ${v}` : 'an unknown format';
    return { kind: 'error', message: `This share link was made by another version of Tablewright (${format}); your current work was kept.` };
  }
  if (f !== 'text' && f !== 'json') return broken('it names no model form');
  if (typeof t !== 'string' || n !== t.length) return broken('its model text is incomplete');
  if (k !== undefined && !isKeysMode(k)) return broken('it names no key mode Tablewright has');
  const keys = k ?? DEFAULT_KEYS_MODE;
  const source: Source = { text: t, format: f };
  // Checked like the layout: a deployed design that is not whole opens nothing (the work would open unpinned).
  const deployed = d === undefined ? undefined : readLayoutDocument(d);
  if (d !== undefined && !deployed) return broken('its deployed design is incomplete');
  const pinned = deployed ? { deployed } : {};
  if (l === undefined) return { kind: 'ok', source, keys, ...pinned };
  // Checked by the engine's design.json reader: a layout that is not whole opens nothing.
  const layout = readLayoutDocument(l);
  if (!layout) return broken('its design layout is incomplete');
  if (!layoutFitsKeysMode(layout, keys)) return broken('its design layout has native keys and the link does not say so');
  return { kind: 'ok', source, layout, keys, ...pinned };
}
