// The selected pattern's requests and in-memory answer, and the parameter
// defaults taken from the sample records. Pure helpers of the store.
import {
  buildRequest,
  runRequests,
  sampleParams,
  type Design,
  type Item,
  type Model,
  type Pattern,
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

/** The parameter names of a pattern: its equals attributes, then its range attribute. */
export function paramNames(pattern: Pattern): string[] {
  return pattern.range ? [...pattern.equals, pattern.range.attribute] : [...pattern.equals];
}

/**
 * Parameters for every pattern of the model: the user's where they still fit the
 * pattern (same names), else defaults from the sample records.
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
  for (const pattern of model.patterns) {
    const own = Object.hasOwn(params, pattern.name) ? params[pattern.name] : undefined;
    if (edited.includes(pattern.name) && own && sameKeys(Object.keys(own), paramNames(pattern))) {
      next.push([pattern.name, own]);
      editedParams.push(pattern.name);
      continue;
    }
    let defaults: PatternParams = {};
    try {
      defaults = sampleParams(model, records, pattern.name);
    } catch {
      // A pattern the samples cannot serve gets no defaults; the patterns panel asks for values.
    }
    next.push([pattern.name, defaults]);
  }
  return { params: Object.fromEntries(next), editedParams };
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && b.every((k) => a.includes(k));
}
