// The share link format: the whole source (text + form) compressed into the URL
// hash as `#m=<lz-string>`. Parsed once, here, at the edge: anything that is not
// exactly what shareHash wrote is refused with a message and opens nothing.
// Only the model goes in: never settings, endpoints or credentials.
import LZString from 'lz-string';
import type { Source } from './types.ts';

export const SHARE_PREFIX = '#m=';
const VERSION = 1;

export type ShareLinkResult =
  | { kind: 'none' }
  | { kind: 'ok'; source: Source }
  | { kind: 'error'; message: string };

export function shareHash(source: Source): string {
  const payload = JSON.stringify({ v: VERSION, f: source.format, n: source.text.length, t: source.text });
  return SHARE_PREFIX + LZString.compressToEncodedURIComponent(payload);
}

/** The link for `source` on the page at `href` (its hash replaced). */
export function shareUrl(href: string, source: Source): string {
  const url = new URL(href);
  url.hash = shareHash(source).slice(1);
  return url.toString();
}

export function readShareHash(hash: string): ShareLinkResult {
  if (!hash.startsWith(SHARE_PREFIX)) return { kind: 'none' };
  const broken = (why: string): ShareLinkResult => ({
    kind: 'error',
    message: `This share link is damaged (${why}); perhaps it was cut short when it was copied. Your current work was kept.`,
  });
  const encoded = hash.slice(SHARE_PREFIX.length);
  if (encoded === '') return broken('it holds no model');
  if (!/^[A-Za-z0-9+\-$]*$/.test(encoded)) return broken('it has characters a share link never has');
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(encoded);
  } catch {
    json = null;
  }
  if (!json) return broken('it does not decompress');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return broken('its content is incomplete');
  }
  if (typeof value !== 'object' || value === null) return broken('its content is not a model');
  const { v, f, n, t } = value as Record<string, unknown>;
  if (v !== VERSION) return { kind: 'error', message: `This share link was made by another version of Tablewright (format ${String(v)}); your current work was kept.` };
  if (f !== 'text' && f !== 'json') return broken('it names no model form');
  if (typeof t !== 'string' || n !== t.length) return broken('its model text is incomplete');
  return { kind: 'ok', source: { text: t, format: f } };
}
