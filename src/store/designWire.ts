// The design phase as it crosses from the analysis worker to the page, as a delta against the last one
// the page holds. An edit changes few of a model's entities and patterns and few of the design's
// entities, plans and indexes; the page keeps the rest from the design phase it holds (the same
// objects), and the source map's paths when they are the same. Cloning the whole design of the
// 1,000-pattern model took about 10 ms to write in the worker and 13 ms to read on the page.
//
// Each design phase sent has a version; the page says with each request which one it holds (`base`),
// the worker packs against that one only while it has it (else whole), and the page unpacks only
// against the version named in the phase (else asks again with none held): a delta is never applied
// to another design than the one it was made from, whichever replies the page dropped.
import {
  designLayout,
  type Design,
  type DesignLayout,
  type Entity,
  type EntityDesign,
  type IndexDesign,
  type Model,
  type Pattern,
  type PatternPlan,
} from '../engine/index.ts';
import type { DesignPhase } from './analyzeSource.ts';
import { fromWireSourceMap, toWireSourceMap, type WireSourceMap } from './sourceMapWire.ts';

/** A list as it crosses: per element, the index of the same element in the base's list, or -1 for the next of `fresh`. */
export interface ListDelta<T> {
  from: Int32Array;
  fresh: T[];
}

export interface WireDesignPhase extends Omit<DesignPhase, 'sourceMap' | 'derived'> {
  version: number;
  /** The version this one is a delta against; absent: whole (every list's elements fresh, the paths sent). */
  base?: number;
  sourceMap: WireSourceMap;
  derived?: {
    model: Omit<Model, 'entities' | 'patterns'> & { entities: ListDelta<Entity>; patterns: ListDelta<Pattern> };
    design: Omit<Design, 'model' | 'entities' | 'patterns' | 'indexes'> & {
      /** The model above (in its place among the keys). */
      model: null;
      entities: ListDelta<EntityDesign>;
      patterns: ListDelta<PatternPlan>;
      indexes: ListDelta<IndexDesign>;
    };
  };
}

/** What one side holds of a design phase sent, to pack or unpack the next against: the last model and design (kept across phases without one). */
export interface HeldDesign {
  version: number;
  paths: readonly string[];
  derived?: { model: Model; design: Design };
}

const LAYOUTS = new WeakMap<Design, DesignLayout>();

/**
 * A design's layout (designLayout), the same object for the same design: the store keeps it as the layout to
 * derive against, and the page knows it then for the layout of the design both sides hold (previousIsBase).
 * Never changed once made.
 */
export function layoutOf(design: Design): DesignLayout {
  let layout = LAYOUTS.get(design);
  if (layout === undefined) {
    layout = designLayout(design);
    LAYOUTS.set(design, layout);
  }
  return layout;
}

/** The design phase packed against `base` (whole without one), and what the page holds once it has it. */
export function packDesignPhase(phase: DesignPhase, version: number, base: HeldDesign | undefined): { wire: WireDesignPhase; held: HeldDesign } {
  const sourceMap = toWireSourceMap(phase.sourceMap, base?.paths);
  const held: HeldDesign = { version, paths: sourceMap.paths ?? base?.paths ?? [] };
  const { sourceMap: _, derived, ...rest } = phase;
  const wire: WireDesignPhase = { ...rest, version, ...(base ? { base: base.version } : {}), sourceMap };
  if (derived === undefined) {
    if (base?.derived !== undefined) held.derived = base.derived;
    return { wire, held };
  }
  held.derived = derived;
  const { model, design } = derived;
  const was = base?.derived;
  // Spread, then replaced in place: every key keeps its place, so the page's objects print as the worker's.
  wire.derived = {
    model: {
      ...model,
      entities: packList(model.entities, was?.model.entities, (e) => e.name),
      patterns: packList(model.patterns, was?.model.patterns, (p) => p.name),
    },
    design: {
      ...design,
      model: null,
      entities: packList(design.entities, was?.design.entities, (e) => e.entity),
      patterns: packList(design.patterns, was?.design.patterns, (p) => p.pattern),
      indexes: packList(design.indexes, was?.design.indexes, (i) => i.name),
    },
  };
  return { wire, held };
}

/** The design phase from `wire` and the `held` it was packed against; undefined if it was packed against another (or held lacks what it names). */
export function unpackDesignPhase(wire: WireDesignPhase, held: HeldDesign | undefined): { phase: DesignPhase; held: HeldDesign } | undefined {
  const base = wire.base === undefined ? undefined : held;
  if (wire.base !== undefined && held?.version !== wire.base) return undefined;
  const sourceMap = fromWireSourceMap(wire.sourceMap, base?.paths);
  if (sourceMap === undefined) return undefined;
  const paths = wire.sourceMap.paths ?? base?.paths ?? [];
  const { version, base: _, sourceMap: __, derived: packed, ...rest } = wire;
  if (packed === undefined) {
    const next: HeldDesign = { version, paths, ...(base?.derived ? { derived: base.derived } : {}) };
    return { phase: { ...rest, sourceMap }, held: next };
  }
  const was = base?.derived;
  const entities = unpackList(packed.model.entities, was?.model.entities);
  const patterns = unpackList(packed.model.patterns, was?.model.patterns);
  const designEntities = unpackList(packed.design.entities, was?.design.entities);
  const plans = unpackList(packed.design.patterns, was?.design.patterns);
  const indexes = unpackList(packed.design.indexes, was?.design.indexes);
  if (entities === undefined || patterns === undefined || designEntities === undefined || plans === undefined || indexes === undefined) return undefined;
  const model: Model = { ...packed.model, entities, patterns };
  const design: Design = { ...packed.design, model, entities: designEntities, patterns: plans, indexes };
  const derived = { model, design };
  return { phase: { ...rest, sourceMap, derived }, held: { version, paths, derived } };
}

/** Each element the same (sameData) as the base's at its place, or at its key's, crosses as that index. */
function packList<T>(list: readonly T[], base: readonly T[] | undefined, key: (element: T) => string): ListDelta<T> {
  const from = new Int32Array(list.length).fill(-1);
  const fresh: T[] = [];
  let byKey: Map<string, number> | undefined;
  list.forEach((element, i) => {
    if (base !== undefined) {
      if (i < base.length && sameData(element, base[i])) {
        from[i] = i;
        return;
      }
      byKey ??= new Map(base.map((b, j) => [key(b), j]));
      const j = byKey.get(key(element));
      if (j !== undefined && j !== i && sameData(element, base[j])) {
        from[i] = j;
        return;
      }
    }
    fresh.push(element);
  });
  return { from, fresh };
}

/** The list from its delta and the base's; undefined if the delta names an element the base or `fresh` lacks. */
function unpackList<T>({ from, fresh }: ListDelta<T>, base: readonly T[] | undefined): T[] | undefined {
  const list: T[] = [];
  let next = 0;
  for (const j of from) {
    if (j === -1) {
      if (next >= fresh.length) return undefined;
      list.push(fresh[next++] as T);
    } else {
      if (base === undefined || j >= base.length) return undefined;
      list.push(base[j] as T);
    }
  }
  return next === fresh.length ? list : undefined;
}

/**
 * The same data as the structured clone sees it: primitives by Object.is, plain arrays and objects by
 * their own keys in order (an absent key and an undefined one differ, as they do after a clone) and values.
 * Anything else (a Map, a class instance) is never the same: it crosses afresh.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || Object.getPrototypeOf(a) !== Array.prototype || Object.getPrototypeOf(b) !== Array.prototype)
      return false;
    for (let i = 0; i < a.length; i++) if (!(i in a) || !(i in b) || !sameData(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b) || Object.getPrototypeOf(a) !== Object.prototype || Object.getPrototypeOf(b) !== Object.prototype) return false;
  // In the same order too: a kept object must print (JSON, the generated code) as the fresh one would.
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    if (k !== others[i] || !sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  }
  return true;
}
