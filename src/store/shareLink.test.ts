import { describe, expect, it } from 'vitest';
import { readShareHash, shareHash, shareUrl } from './shareLink.ts';

const source = { text: 'model "Ünïcode ✓"\n# a comment with "quotes" & #hashes\n', format: 'text' as const };

describe('share links', () => {
  it('round-trips the source exactly, in either form', () => {
    expect(readShareHash(shareHash(source))).toEqual({ kind: 'ok', source });
    const json = { text: '{\n  "name": "x"\n}\n', format: 'json' as const };
    expect(readShareHash(shareHash(json))).toEqual({ kind: 'ok', source: json });
  });

  it('puts the model in the hash of the page URL, keeping its path', () => {
    const url = new URL(shareUrl('https://example.org/some/sub/path/?q=1#old', source));
    expect(url.pathname).toBe('/some/sub/path/');
    expect(readShareHash(url.hash)).toEqual({ kind: 'ok', source });
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
});
