import { describe, expect, it } from 'vitest';
import { forgetRemembered, readRemembered, writeRemembered } from './rememberedSession.ts';

function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => void map.set(k, String(v)),
  };
}

describe('rememberedSession', () => {
  it('gives back what was remembered, and nothing once forgotten', () => {
    const storage = memoryStorage();
    const value = {
      settings: { profile: 'aws' as const, customUrl: '', region: 'eu-west-1' },
      credentials: { accessKeyId: 'A', secretAccessKey: 'B', sessionToken: '' },
    };
    expect(readRemembered(storage)).toBeUndefined();
    writeRemembered(storage, value);
    expect(readRemembered(storage)).toEqual(value);
    forgetRemembered(storage);
    expect(readRemembered(storage)).toBeUndefined();
    expect(storage.length).toBe(0);
  });

  it('ignores a damaged entry instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('tablewright.run.session', '{not json');
    expect(readRemembered(storage)).toBeUndefined();
    storage.setItem('tablewright.run.session', JSON.stringify({ settings: { profile: 'mars' }, credentials: { accessKeyId: 7 } }));
    expect(readRemembered(storage)).toEqual({
      settings: { profile: 'local', customUrl: '', region: 'us-east-1' },
      credentials: { accessKeyId: '', secretAccessKey: '', sessionToken: '' },
    });
  });
});
