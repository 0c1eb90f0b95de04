// One sample value for one attribute, from what the attribute holds (its
// kind) and a per-record scope, so that a record's name and email name the
// same person and its city, state and country name the same place. Values
// come only from the Random passed in.
import type { Scalar } from '../model/types.ts';
import type { AttributeKind } from './attributeKind.ts';
import { nameWords as splitName } from './attributeKind.ts';
import type { Random } from './createRandom.ts';
import type { Place } from './samplePlaces.ts';
import { DIAL_CODES, PLACES } from './samplePlaces.ts';
import * as W from './sampleWords.ts';

/** Drawn at most once per record and shared by its attributes. */
export interface RecordScope {
  person?: { first: string; last: string };
  place?: Place;
  /** Day number (since 2023-01-01) and epoch milliseconds of the record's latest date and datetime so far. */
  lastDay?: number;
  lastMs?: number;
}

export interface ValueContext {
  random: Random;
  /** 0 on the first try; higher after the value collided with an existing key. */
  attempt: number;
  entity: string;
  attribute: string;
  /** The next token of this attribute's unique sequence (`4f3a9c`). */
  token: () => string;
  scope: RecordScope;
}

/** An attribute's words (attributeKind's nameWords), split once per name: values are drawn per record, 100,000 at a time. */
const WORDS = new Map<string, readonly string[]>();
function nameWords(name: string): readonly string[] {
  let words = WORDS.get(name);
  if (words === undefined) {
    // Names come from models: a bounded memo, started over once it holds many.
    if (WORDS.size >= 10_000) WORDS.clear();
    words = splitName(name);
    WORDS.set(name, words);
  }
  return words;
}

/** From this attempt on, values drawn from small pools get a unique suffix so that a key can still be unique. */
export const WIDEN_AT_ATTEMPT = 3;

const DAY_MS = 86_400_000;
const START_MS = Date.UTC(2023, 0, 1);
const END_MS = Date.UTC(2026, 0, 1) - 1; // 2025-12-31T23:59:59.999Z
const DAYS = Math.round((END_MS + 1 - START_MS) / DAY_MS);
/** Attributes named like these come after the record's other dates (`dueDate` after `invoiceDate`). */
const LATER_WORDS = [
  'due',
  'end',
  'ends',
  'ended',
  'expires',
  'expiry',
  'until',
  'closed',
  'shipped',
  'delivered',
  'updated',
  'returned',
  'finished',
  'completed',
  'resolved',
  'modified',
  'last',
];

const ID_WORDS = ['id', 'number', 'key', 'no', 'uuid', 'guid', 'sku', 'ref', 'reference', 'code'];

/** `userId` → `u`, `storeNumber` → `s`, `id` of `Order` → `o`. */
function idPrefix(attribute: string, entity: string): string {
  const words = nameWords(attribute).filter((w) => !ID_WORDS.includes(w));
  const source = words[0] ?? nameWords(entity)[0] ?? 'x';
  return source.charAt(0).toLowerCase() || 'x';
}

/** `Zoë` → `zoe`, `Müller` → `muller`: for emails and user names. */
function ascii(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** Rounds to 1, 2 or 6 decimals. Plain arithmetic only: Math.exp, Math.log and `**` may differ in the last bit between engines. */
const round = (x: number, decimals: 1 | 2 | 6): number => {
  const f = decimals === 1 ? 10 : decimals === 2 ? 100 : 1_000_000;
  return Math.round(x * f) / f;
};

/** Skewed towards small values, like most counters: 0..max, mostly low (cube of a uniform draw). */
function skewed(random: Random, max: number): number {
  const u = random.next();
  return Math.min(max, Math.floor((max + 1) * u * u * u));
}

function person(ctx: ValueContext): { first: string; last: string } {
  ctx.scope.person ??= { first: ctx.random.pick(W.FIRST_NAMES), last: ctx.random.pick(W.LAST_NAMES) };
  return ctx.scope.person;
}

function place(ctx: ValueContext): Place {
  ctx.scope.place ??= ctx.random.pick(PLACES);
  return ctx.scope.place;
}

const isLater = (ctx: ValueContext): boolean => nameWords(ctx.attribute).some((w) => LATER_WORDS.includes(w));

function dateValue(ctx: ValueContext): string {
  const { random, scope } = ctx;
  const day = scope.lastDay !== undefined && isLater(ctx) ? Math.min(DAYS - 1, scope.lastDay + random.int(1, 45)) : random.int(0, DAYS - 1);
  scope.lastDay = day;
  return new Date(START_MS + day * DAY_MS).toISOString().slice(0, 10);
}

function datetimeValue(ctx: ValueContext): string {
  const { random, scope } = ctx;
  const ms =
    scope.lastMs !== undefined && isLater(ctx)
      ? Math.min(END_MS, scope.lastMs + random.int(3_600_000, 30 * DAY_MS))
      : START_MS + Math.floor(random.next() * (END_MS - START_MS + 1));
  scope.lastMs = ms;
  return new Date(ms).toISOString();
}

function countMax(attribute: string): number {
  const words = nameWords(attribute);
  if (words.some((w) => ['views', 'visits', 'clicks', 'plays', 'downloads', 'hits', 'view', 'visit'].includes(w))) return 100_000;
  if (words.some((w) => ['followers', 'likes', 'shares', 'votes'].includes(w))) return 10_000;
  if (words.some((w) => ['wins', 'losses'].includes(w))) return 500;
  return 1_000;
}

/** A value from a small pool; past a few collisions, made unique with a token. */
function pooled(ctx: ValueContext, base: string): string {
  return ctx.attempt >= WIDEN_AT_ATTEMPT ? `${base}-${ctx.token()}` : base;
}

export function sampleValue(kind: AttributeKind, ctx: ValueContext): Scalar {
  const { random } = ctx;
  const wide = ctx.attempt >= WIDEN_AT_ATTEMPT;
  switch (kind) {
    case 'email': {
      const p = person(ctx);
      const suffix = ctx.attempt === 0 ? '' : wide ? `.${ctx.token()}` : String(random.int(2, 99));
      return `${ascii(p.first)}.${ascii(p.last)}${suffix}@${random.pick(W.EMAIL_DOMAINS)}`;
    }
    case 'phone': {
      const dial = DIAL_CODES[place(ctx).country] ?? '+1';
      const digits = `${random.int(200, 999)} ${random.int(100, 999)} ${String(random.int(0, 9999)).padStart(4, '0')}`;
      return pooled(ctx, `${dial} ${digits}`);
    }
    case 'url':
      return `images/${ctx.token()}.jpg`;
    case 'postcode':
      return pooled(ctx, random.pick(place(ctx).postcodes));
    case 'country':
      return pooled(ctx, place(ctx).country);
    case 'state':
      return pooled(ctx, place(ctx).state);
    case 'city':
      return pooled(ctx, place(ctx).city);
    case 'street':
      return pooled(ctx, `${random.int(1, 999)} ${random.pick(W.STREET_NAMES)} ${random.pick(W.STREET_TYPES)}`);
    case 'currency':
      return pooled(ctx, random.pick(W.CURRENCIES));
    case 'language':
      return pooled(ctx, random.pick(W.LANGUAGES));
    case 'color':
      return pooled(ctx, random.pick(W.COLORS));
    case 'id':
      return `${idPrefix(ctx.attribute, ctx.entity)}-${ctx.token()}`;
    case 'firstName':
      return pooled(ctx, person(ctx).first);
    case 'lastName':
      return pooled(ctx, person(ctx).last);
    case 'personName': {
      const p = person(ctx);
      return pooled(ctx, `${p.first} ${p.last}`);
    }
    case 'username': {
      const p = person(ctx);
      return pooled(ctx, `${ascii(p.first)}${ascii(p.last).charAt(0)}${random.int(1, 99)}`);
    }
    case 'productName':
      return pooled(ctx, `${random.pick(W.PRODUCT_ADJECTIVES)} ${random.pick(W.PRODUCT_NOUNS)}`);
    case 'gameTitle':
      return pooled(ctx, random.pick(W.GAME_TITLES));
    case 'storeName':
      return pooled(ctx, `${random.pick(W.STORE_PREFIXES)} ${random.pick(W.STORE_SUFFIXES)}`);
    case 'companyName':
      return pooled(ctx, `${random.pick(W.COMPANY_WORDS)} ${random.pick(W.COMPANY_SUFFIXES)}`);
    case 'category':
      return pooled(ctx, random.pick(W.CATEGORIES));
    case 'status':
      return pooled(ctx, random.pick(W.STATUSES));
    case 'plan':
      return pooled(ctx, random.pick(W.PLANS));
    case 'text':
      return pooled(ctx, `${random.pick(W.SENTENCE_STARTS)} ${random.pick(W.SENTENCE_ENDS)}`);
    case 'word':
      return pooled(ctx, `${random.pick(W.WORD_ADJECTIVES)}-${random.pick(W.WORD_NOUNS)}`);
    case 'latitude':
      return round(place(ctx).latitude + (random.next() - 0.5) * 0.1, 6);
    case 'longitude':
      return round(place(ctx).longitude + (random.next() - 0.5) * 0.1, 6);
    case 'numericId':
      return Number.parseInt(ctx.token(), 16) + 1;
    case 'count':
      return wide ? Number.parseInt(ctx.token(), 16) : skewed(random, countMax(ctx.attribute));
    case 'money':
      return wide ? Number.parseInt(ctx.token(), 16) / 100 : round(1 + random.next() * 499, 2);
    case 'rating':
      return random.int(1, 5);
    case 'score':
      // Multiples of 10 in 0..1000: scores repeat, so "equals topScore" has hits.
      return wide ? Number.parseInt(ctx.token(), 16) : random.int(0, 100) * 10;
    case 'quantity':
      return wide ? Number.parseInt(ctx.token(), 16) : random.int(1, 20);
    case 'age':
      return random.int(18, 90);
    case 'year':
      return random.int(1990, 2025);
    case 'percent':
      return wide ? Number.parseInt(ctx.token(), 16) / 10 : round(random.next() * 100, 1);
    case 'measure':
      return wide ? Number.parseInt(ctx.token(), 16) / 100 : round(random.next() * 100, 2);
    case 'number':
      return wide ? Number.parseInt(ctx.token(), 16) : random.int(0, 1000);
    case 'boolean':
      return random.chance(0.5);
    case 'date':
      return dateValue(ctx);
    case 'datetime':
      return datetimeValue(ctx);
    default: {
      const never: never = kind;
      return never;
    }
  }
}
