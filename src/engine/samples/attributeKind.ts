// Guesses what an attribute holds from its type, its name and its entity's
// name (`customerName` → a person's name, `viewCount` → a count), so that
// sample values look like the real thing. A guess only: an unrecognised name
// gets a plain value of its type.
import { splitWords } from '../model/splitWords.ts';
import type { AttributeType } from '../model/types.ts';

export type AttributeKind =
  // strings
  | 'email'
  | 'phone'
  | 'url'
  | 'postcode'
  | 'country'
  | 'state'
  | 'city'
  | 'street'
  | 'currency'
  | 'language'
  | 'color'
  | 'id'
  | 'firstName'
  | 'lastName'
  | 'personName'
  | 'username'
  | 'productName'
  | 'gameTitle'
  | 'storeName'
  | 'companyName'
  | 'category'
  | 'status'
  | 'plan'
  | 'text'
  | 'word'
  // numbers
  | 'latitude'
  | 'longitude'
  | 'numericId'
  | 'count'
  | 'money'
  | 'rating'
  | 'score'
  | 'quantity'
  | 'age'
  | 'year'
  | 'percent'
  | 'measure'
  | 'number'
  // other types
  | 'boolean'
  | 'date'
  | 'datetime';

/** `topScoreDateTime` → `top score date time`; `userID` → `user id`; `zip_code` → `zip code`. */
export function nameWords(name: string): string[] {
  return splitWords(name)
    .join(' ')
    .replace(/[_\-\s]+/g, ' ')
    .trim()
    .toLowerCase()
    .split(' ')
    .filter((w) => w !== '');
}

const has = (words: string[], list: readonly string[]): boolean => words.some((w) => list.includes(w));

const PRODUCT_WORDS = ['product', 'item', 'book', 'movie', 'album', 'song', 'course', 'listing', 'article', 'sku'];
const GAME_WORDS = ['game'];
const STORE_WORDS = ['store', 'shop', 'restaurant', 'location', 'branch', 'venue', 'hotel', 'outlet', 'warehouse'];
const COMPANY_WORDS = ['company', 'org', 'organization', 'organisation', 'brand', 'team', 'tenant', 'vendor', 'supplier', 'business', 'merchant'];
const CATEGORY_WORDS = ['category', 'genre', 'tag', 'department', 'segment', 'type', 'kind', 'group', 'topic'];
const PERSON_WORDS = [
  'owner',
  'author',
  'creator',
  'assignee',
  'manager',
  'customer',
  'user',
  'player',
  'employee',
  'member',
  'contact',
  'person',
  'student',
  'patient',
  'driver',
  'reviewer',
];
const TEXT_WORDS = [
  'description',
  'comment',
  'comments',
  'body',
  'text',
  'message',
  'note',
  'notes',
  'content',
  'summary',
  'review',
  'bio',
  'details',
  'remarks',
  'feedback',
];
const ID_LAST_WORDS = ['id', 'number', 'key', 'no', 'uuid', 'guid', 'sku', 'ref', 'reference', 'code'];

function isIdLike(words: string[]): boolean {
  const last = words[words.length - 1];
  return last !== undefined && ID_LAST_WORDS.includes(last);
}

function stringKind(words: string[], entityWords: string[]): AttributeKind {
  if (has(words, ['email', 'mail'])) return 'email';
  if (has(words, ['phone', 'mobile', 'fax', 'telephone'])) return 'phone';
  if (has(words, ['url', 'uri', 'link', 'image', 'img', 'photo', 'avatar', 'picture', 'path', 'file', 'thumbnail', 'logo', 'icon'])) return 'url';
  if (has(words, ['postcode', 'zip', 'zipcode', 'postal']) || (has(words, ['post']) && has(words, ['code']))) return 'postcode';
  if (has(words, ['country'])) return 'country';
  if (has(words, ['state', 'province', 'region'])) return 'state';
  if (has(words, ['city', 'town'])) return 'city';
  if (has(words, ['street', 'address'])) return 'street';
  if (has(words, ['currency'])) return 'currency';
  if (has(words, ['language', 'locale', 'lang'])) return 'language';
  if (has(words, ['color', 'colour'])) return 'color';
  if (words.length === 1 && words[0] === 'id') return 'id';
  if (isIdLike(words)) return 'id';
  if (has(words, ['firstname', 'given']) || (has(words, ['first']) && has(words, ['name']))) return 'firstName';
  if (has(words, ['lastname', 'surname', 'family']) || (has(words, ['last']) && has(words, ['name']))) return 'lastName';
  if (has(words, ['username', 'handle', 'login', 'nickname'])) return 'username';
  if (has(words, ['title'])) return has(words, GAME_WORDS) || has(entityWords, GAME_WORDS) ? 'gameTitle' : 'productName';
  if (has(words, ['name'])) {
    const qualifiers = words.filter((w) => w !== 'name');
    const about = qualifiers.length > 0 ? qualifiers : entityWords;
    if (has(about, GAME_WORDS)) return 'gameTitle';
    if (has(about, PRODUCT_WORDS)) return 'productName';
    if (has(about, STORE_WORDS)) return 'storeName';
    if (has(about, COMPANY_WORDS)) return 'companyName';
    if (has(about, CATEGORY_WORDS)) return 'category';
    return 'personName';
  }
  if (has(words, PERSON_WORDS)) return 'personName';
  if (has(words, COMPANY_WORDS)) return 'companyName';
  if (has(words, CATEGORY_WORDS)) return 'category';
  if (has(words, ['status', 'stage', 'phase'])) return 'status';
  if (has(words, ['plan', 'tier', 'level', 'subscription'])) return 'plan';
  if (has(words, TEXT_WORDS)) return 'text';
  return 'word';
}

function numberKind(words: string[]): AttributeKind {
  if (has(words, ['latitude', 'lat'])) return 'latitude';
  if (has(words, ['longitude', 'lng', 'lon', 'long'])) return 'longitude';
  if (isIdLike(words) || has(words, ['id', 'seq', 'sequence'])) return 'numericId';
  if (has(words, ['rating', 'ratings', 'stars'])) return 'rating';
  if (has(words, ['score', 'points', 'elo'])) return 'score';
  if (has(words, ['count', 'views', 'visits', 'clicks', 'likes', 'followers', 'downloads', 'plays', 'wins', 'losses', 'shares', 'votes', 'hits']))
    return 'count';
  if (has(words, ['quantity', 'qty', 'units', 'stock', 'inventory'])) return 'quantity';
  if (
    has(words, [
      'price',
      'amount',
      'total',
      'balance',
      'cost',
      'fee',
      'subtotal',
      'tax',
      'salary',
      'revenue',
      'income',
      'payment',
      'spend',
      'discount',
      'budget',
      'credit',
      'debit',
    ])
  )
    return 'money';
  if (has(words, ['age'])) return 'age';
  if (has(words, ['year'])) return 'year';
  if (has(words, ['percent', 'percentage', 'ratio', 'rate', 'pct'])) return 'percent';
  if (has(words, ['weight', 'height', 'width', 'length', 'distance', 'size', 'depth', 'area'])) return 'measure';
  return 'number';
}

export function attributeKind(args: { name: string; type: AttributeType; entity: string }): AttributeKind {
  switch (args.type) {
    case 'string':
      return stringKind(nameWords(args.name), nameWords(args.entity));
    case 'number':
      return numberKind(nameWords(args.name));
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'datetime':
      return 'datetime';
    default: {
      const never: never = args.type;
      return never;
    }
  }
}
