// A model whose entities, attributes and patterns are all named like Object.prototype's
// members (`__proto__`, `constructor`, `toString`, `hasOwnProperty`): valid identifiers
// FORMAT.md allows, which break code that keeps records or parameters in plain objects.
// Every stage's test runs it (issue 12, "Sturdy under hostile input").

/** The names, each an entity, an attribute of every entity and a pattern. */
export const PROTO_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'] as const;

/**
 * Each entity is keyed by its own-named attribute, has every other name as an attribute, and is read
 * by a pattern of its name (a key lookup on `__proto__`; a query by `constructor` ordered by `toString`).
 */
export const PROTO_MODEL_TEXT = [
  'model "Prototype names"',
  '',
  ...PROTO_NAMES.flatMap((entity) => [
    `entity ${entity} key ${entity} count 3`,
    ...PROTO_NAMES.map((attribute) => `  ${attribute}: ${attribute === 'valueOf' ? 'number' : 'string'}`),
    '',
  ]),
  ...PROTO_NAMES.map((name, i) =>
    i % 2 === 0 ? `${name}: ${name} by ${name} returns one` : `${name}: ${PROTO_NAMES[(i + 1) % PROTO_NAMES.length] ?? name} by constructor order by toString`,
  ),
  '',
].join('\n');
