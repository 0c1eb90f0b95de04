import { describe, expect, it } from 'vitest';
import ts from 'typescript';
import { encodeKeyValue, encodeNumber, encodeString } from './encodeKeyValue.ts';
import { compareUtf8 } from '../queries/compareUtf8.ts';
import { FULL_RUNTIME } from '../codegen/runtimeSource.ts';
import { numberProblem } from '../model/dynamoNumbers.ts';

function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = seeded(42);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

/** A number DynamoDB can store (the encoders refuse the others). */
function randomNumber(): number {
  for (;;) {
    const n = anyNumber();
    if (numberProblem(n) === undefined) return n;
  }
}

function anyNumber(): number {
  switch (Math.floor(rnd() * 7)) {
    case 0:
      return -Math.floor(rnd() * 5000);
    case 1:
      return Math.round(rnd() * 100000) / 100;
    case 2:
      return -Math.round(rnd() * 100000) / 1000;
    case 3:
      return Math.floor(rnd() * 10 ** Math.floor(rnd() * 16));
    case 4:
      return (rnd() - 0.5) * 10 ** (Math.floor(rnd() * 40) - 20);
    case 5:
      return pick([
        0,
        1,
        -1,
        9,
        10,
        15847,
        0.1,
        0.30000000000000004,
        Number.MAX_SAFE_INTEGER,
        -Number.MAX_VALUE,
        Number.MIN_VALUE,
        1e21,
        -1e-7,
        1e-130,
        -1e-130,
        -Number.MAX_SAFE_INTEGER,
      ]);
    default:
      return Math.floor(rnd() * 100);
  }
}

const CHARS = [
  'a',
  'b',
  'z',
  'A',
  '#',
  '$',
  ' ',
  '!',
  '"',
  ':',
  '~',
  '\u0000',
  '\u007f',
  'é',
  'ï',
  'β',
  'Ω',
  '\uFFFD',
  '\uE000',
  '😀',
  '𝄞',
  '0',
  '9',
  '-',
  '_',
];
function randomString(): string {
  let s = '';
  const n = Math.floor(rnd() * 6);
  for (let i = 0; i < n; i++) s += pick(CHARS);
  return s;
}

/** Key order as DynamoDB sees it when a component is followed by more components. */
const keyOrder = (a: string, b: string) => Math.sign(compareUtf8(`X#${a}#tail1`, `X#${b}#tail0`));
const utf8Order = (a: string, b: string) => Math.sign(Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));

describe('encodeNumber', () => {
  it('sorts numbers numerically, including negatives, decimals and different digit counts', () => {
    expect(compareUtf8(encodeNumber(15847), encodeNumber(9))).toBeGreaterThan(0);
    for (let i = 0; i < 20000; i++) {
      const a = randomNumber();
      const b = randomNumber();
      if (a === b) expect(encodeNumber(a)).toBe(encodeNumber(b));
      else expect(keyOrder(encodeNumber(a), encodeNumber(b))).toBe(Math.sign(a - b));
    }
  });

  it('encodes a positive whole number as its exponent and digits, like any other number (the fast path)', () => {
    const general = (n: number) => {
      const [mantissa = '0', exponent = '0'] = n.toExponential().split('e');
      return `P${String(Number(exponent) + 400).padStart(3, '0')}.${mantissa.replace('.', '')}`;
    };
    for (const n of [1, 9, 10, 100, 4400, 4478, 1_000_000, 2 ** 52, Number.MAX_SAFE_INTEGER]) expect(encodeNumber(n)).toBe(general(n));
    for (let digits = 1; digits <= 15; digits++)
      for (let i = 0; i < 200; i++) {
        const n = Math.floor(rnd() * 10 ** digits) + 1;
        expect(encodeNumber(n)).toBe(general(n));
      }
  });

  it('writes readable text for common values', () => {
    expect(encodeNumber(15847)).toBe('P404.15847');
    expect(encodeNumber(0)).toBe('P000');
    expect(encodeNumber(-0)).toBe('P000');
    expect(encodeNumber(-2.5)).toBe('N599.74~');
  });

  it('refuses values DynamoDB cannot store', () => {
    expect(() => encodeNumber(Number.NaN)).toThrow(/finite/);
    expect(() => encodeNumber(Number.POSITIVE_INFINITY)).toThrow(/finite/);
    expect(() => encodeNumber(1e-131)).toThrow(/too small/);
    expect(() => encodeNumber(2 ** 53)).toThrow(/MAX_SAFE_INTEGER/);
  });
});

describe('encodeString', () => {
  it('keeps UTF-8 byte order of the values when more components follow', () => {
    for (let i = 0; i < 20000; i++) {
      const a = randomString();
      const b = randomString();
      if (a === b) continue;
      expect(keyOrder(encodeString(a), encodeString(b))).toBe(utf8Order(a, b));
    }
  });

  it('never lets a delimiter or a prefix make one value match another', () => {
    for (let i = 0; i < 20000; i++) {
      const a = randomString();
      const b = randomString();
      // begins_with on encodings ⇔ begins_with on values
      expect(encodeString(b).startsWith(encodeString(a))).toBe(b.startsWith(a));
      // equal encodings ⇔ equal values
      expect(encodeString(a) === encodeString(b)).toBe(a === b);
      // a component never reaches into the next one
      expect(`${encodeString(a)}#`.startsWith(`${encodeString(b)}#`)).toBe(a === b);
    }
  });

  it('uses only characters above "$" so "#" always ends a component', () => {
    for (let i = 0; i < 2000; i++) for (const ch of encodeString(randomString())) expect(ch.codePointAt(0)).toBeGreaterThan(0x23);
    expect(encodeString('a#b')).toBe('a$cb');
    expect(encodeString('alpha beta')).toBe('alpha$`beta');
  });
});

describe('compareUtf8', () => {
  it('orders like the UTF-8 bytes, also for characters above U+FFFF', () => {
    for (let i = 0; i < 20000; i++) {
      const a = randomString();
      const b = randomString();
      expect(Math.sign(compareUtf8(a, b))).toBe(utf8Order(a, b));
    }
  });
});

describe('encodeKeyValue', () => {
  it('refuses a value of the wrong type with the attribute named', () => {
    expect(() => encodeKeyValue('number', '12', 'views')).toThrow(/"views" is a number/);
    expect(() => encodeKeyValue('string', 12, 'email')).toThrow(/"email"/);
    expect(encodeKeyValue('boolean', false, 'ok')).toBe('false');
  });
});

describe('the generated runtime', () => {
  const js = ts.transpileModule(`${FULL_RUNTIME}\nreturn { encString, encNumber, encBoolean, compareUtf8, range };`, {
    compilerOptions: { target: ts.ScriptTarget.ES2022 },
  }).outputText;
  const runtime = new Function(js)() as {
    encString: (v: unknown, n: string) => string;
    encNumber: (v: unknown, n: string) => string;
    encBoolean: (v: unknown, n: string) => string;
    compareUtf8: (a: string, b: string) => number;
  };

  it('encodes exactly like the engine', () => {
    for (let i = 0; i < 20000; i++) {
      const n = anyNumber();
      const outcome = (f: () => string) => {
        try {
          return f();
        } catch (e) {
          return (e as Error).name;
        }
      };
      expect(
        outcome(() => runtime.encNumber(n, 'n')),
        String(n),
      ).toBe(outcome(() => encodeNumber(n)));
      const s = randomString();
      expect(runtime.encString(s, 's')).toBe(encodeString(s));
      const t = randomString();
      expect(Math.sign(runtime.compareUtf8(s, t))).toBe(Math.sign(compareUtf8(s, t)));
    }
    expect(runtime.encBoolean(true, 'b')).toBe(encodeKeyValue('boolean', true, 'b'));
  });

  it('refuses wrong types as the engine does', () => {
    expect(() => runtime.encNumber('1', 'views')).toThrow(/views/);
    expect(() => runtime.encString(1, 'email')).toThrow(/email/);
  });
});
