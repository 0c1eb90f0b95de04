// The selected pattern's requests and in-memory answer, and the parameter
// defaults taken from the sample records. Pure helpers of the store.
import {
  buildRequest,
  patternParameters,
  runRequests,
  sampleParams,
  type Design,
  type Entity,
  type Item,
  type Model,
  type PatternParameter,
  type PatternParams,
  type RecordValue,
  type Request,
} from '../engine/index.ts';

export interface PatternResults {
  requests: Request[];
  resultItems: Item[];
  requestError: string | undefined;
}

export function patternResults({
  design,
  items,
  pattern,
  params,
}: {
  design: Design | undefined;
  items: Item[];
  pattern: string | undefined;
  params: PatternParams | undefined;
}): PatternResults {
  if (!design || pattern === undefined || !design.patterns.some((p) => p.pattern === pattern)) {
    return { requests: [], resultItems: [], requestError: undefined };
  }
  try {
    const requests = buildRequest(design, pattern, params ?? {});
    return { requests, resultItems: runRequests({ design, items, requests }), requestError: undefined };
  } catch (error) {
    return { requests: [], resultItems: [], requestError: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Whether values still fit a pattern's parameters: the same names, each value of
 * its parameter's shape (a [low, high] pair for `between`, a text prefix for
 * `begins_with`, else one value). Read with Object.hasOwn: a parameter may be
 * called `__proto__`.
 */
export function paramsFit(parameters: readonly PatternParameter[], values: PatternParams): boolean {
  const names = Object.keys(values);
  return (
    names.length === parameters.length &&
    parameters.every((p) => {
      if (!Object.hasOwn(values, p.name)) return false;
      const value = values[p.name];
      switch (p.shape) {
        case 'pair':
          return Array.isArray(value) && value.length === 2;
        case 'prefix':
          return typeof value === 'string';
        case 'value':
          return value !== undefined && !Array.isArray(value);
        default: {
          const never: never = p.shape;
          return never;
        }
      }
    })
  );
}

/**
 * Parameters for every pattern of the model: the user's where they still fit the
 * pattern (same names and shapes), else defaults from the sample records.
 */
export function refreshParams({
  model,
  records,
  params,
  edited,
}: {
  model: Model;
  records: ReadonlyMap<string, readonly RecordValue[]>;
  params: Record<string, PatternParams>;
  edited: readonly string[];
}): { params: Record<string, PatternParams>; editedParams: string[] } {
  // Built with Object.fromEntries and read with Object.hasOwn: a pattern named `__proto__` stays data.
  const next: [string, PatternParams][] = [];
  const editedParams: string[] = [];
  // Each entity's definition object, and its text once asked for (a pattern's defaults are kept by its and its entity's definition).
  const entities = new Map(model.entities.map((e) => [e.name, e]));
  const texts = new Map<string, string>();
  const entityText = (name: string): string => {
    let text = texts.get(name);
    if (text === undefined) {
      text = JSON.stringify(entities.get(name) ?? null);
      texts.set(name, text);
    }
    return text;
  };
  for (const pattern of model.patterns) {
    const own = Object.hasOwn(params, pattern.name) ? params[pattern.name] : undefined;
    if (edited.includes(pattern.name) && own && paramsFit(patternParameters(model, pattern.name), own)) {
      next.push([pattern.name, own]);
      editedParams.push(pattern.name);
      continue;
    }
    next.push([pattern.name, defaultParams(model, records, pattern, entities.get(pattern.entity), entityText)]);
  }
  return { params: Object.fromEntries(next), editedParams };
}

/**
 * Per records array of an entity, the defaults of each pattern on it, by the pattern's and the entity's
 * definition (what sampleParams reads besides those records): an analysis that kept an entity's records
 * does not pick its patterns' defaults again (1,000 patterns took 80 ms each keystroke). Found first by the
 * pattern and entity objects themselves (the page keeps those an edit did not change), then by their text
 * (equal definitions in new objects): writing 1,000 patterns as text took about 10 ms each keystroke.
 */
const DEFAULTS = new WeakMap<
  readonly RecordValue[],
  { byText: Map<string, PatternParams>; byObject: WeakMap<Model['patterns'][number], { entity: Entity | undefined; params: PatternParams }> }
>();

function defaultParams(
  model: Model,
  records: ReadonlyMap<string, readonly RecordValue[]>,
  pattern: Model['patterns'][number],
  entity: Entity | undefined,
  entityText: (name: string) => string,
): PatternParams {
  const list = records.get(pattern.entity);
  let known = list === undefined ? undefined : DEFAULTS.get(list);
  if (list !== undefined && known === undefined) {
    known = { byText: new Map(), byObject: new WeakMap() };
    DEFAULTS.set(list, known);
  }
  const same = known?.byObject.get(pattern);
  if (same !== undefined && same.entity === entity) return same.params;
  const key = `${JSON.stringify(pattern)}\u0000${entityText(pattern.entity)}`;
  let defaults = known?.byText.get(key);
  if (defaults === undefined) {
    defaults = {};
    try {
      defaults = sampleParams(model, records, pattern.name);
    } catch {
      // A pattern the samples cannot serve gets no defaults; the patterns panel asks for values.
    }
    known?.byText.set(key, defaults);
  }
  known?.byObject.set(pattern, { entity, params: defaults });
  return defaults;
}
