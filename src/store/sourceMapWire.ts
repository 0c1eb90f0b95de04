// A source map as it crosses from the analysis worker to the page: its paths (left out when they are
// those of the map the page holds: an edit within a line moves spans, not paths), and their spans as
// four numbers each in one Int32Array, instead of a Map of span objects. For the 1,000-pattern model
// (15,000 paths) the structured clone of the Map took about 10 ms to write in the worker and 20 ms to
// read on the page; this about 1 ms and 2 ms. The page reads it as it is (PackedSourceMap): it asks for few spans.
import type { ReadonlySourceMap, Span } from '../engine/index.ts';

export interface WireSourceMap {
  /** The map's paths, in its order; absent: the same as the base's (the map the page holds). */
  paths?: string[];
  /** Per path: line, column, endLine, endColumn (1-based, end exclusive, as in a Span). */
  spans: Int32Array;
}

/** The map packed; its paths left out when they are `basePaths`. */
export function toWireSourceMap(map: ReadonlySourceMap, basePaths?: readonly string[]): WireSourceMap {
  const paths: string[] = [];
  const spans = new Int32Array(map.size * 4);
  let at = 0;
  let same = basePaths !== undefined && basePaths.length === map.size;
  for (const [path, span] of map) {
    if (same && basePaths?.[paths.length] !== path) same = false;
    paths.push(path);
    spans[at++] = span.line;
    spans[at++] = span.column;
    spans[at++] = span.endLine;
    spans[at++] = span.endColumn;
  }
  return same ? { spans } : { paths, spans };
}

/** The map again (its paths `basePaths` when it came without); undefined when it came without and those do not fit. */
export function fromWireSourceMap(wire: WireSourceMap, basePaths?: readonly string[]): ReadonlySourceMap | undefined {
  const paths = wire.paths ?? basePaths;
  if (paths === undefined || paths.length * 4 !== wire.spans.length) return undefined;
  return new PackedSourceMap(paths, wire.spans);
}

/** Path → its place in `paths`, made once per paths array (the same array while edits leave the paths as they were). */
const INDEXES = new WeakMap<readonly string[], Map<string, number>>();

function indexOf(paths: readonly string[]): Map<string, number> {
  let index = INDEXES.get(paths);
  if (index === undefined) {
    index = new Map();
    // A source map's paths are unique (they came from a Map's keys).
    for (let i = 0; i < paths.length; i++) index.set(paths[i] as string, i);
    INDEXES.set(paths, index);
  }
  return index;
}

/**
 * The source map as it came, read where it is asked: a span is made when it is read, and the path index once per
 * paths array, then shared by the maps of the edits that keep those paths. Making a Map of the 1,000-pattern
 * model's 15,000 paths on every keystroke took the page 5-12 ms; the page reads a few (its diagnostics' places).
 */
class PackedSourceMap implements ReadonlySourceMap {
  constructor(
    private readonly paths: readonly string[],
    private readonly spans: Int32Array,
  ) {}

  get size(): number {
    return this.paths.length;
  }

  get(path: string): Span | undefined {
    const i = indexOf(this.paths).get(path);
    return i === undefined ? undefined : this.spanAt(i);
  }

  has(path: string): boolean {
    return indexOf(this.paths).has(path);
  }

  forEach(callback: (span: Span, path: string, map: ReadonlySourceMap) => void, thisArg?: unknown): void {
    for (const [path, span] of this.entries()) callback.call(thisArg, span, path, this);
  }

  *entries(): MapIterator<[string, Span]> {
    for (let i = 0; i < this.paths.length; i++) yield [this.paths[i] as string, this.spanAt(i)];
  }

  *keys(): MapIterator<string> {
    yield* this.paths;
  }

  *values(): MapIterator<Span> {
    for (let i = 0; i < this.paths.length; i++) yield this.spanAt(i);
  }

  [Symbol.iterator](): MapIterator<[string, Span]> {
    return this.entries();
  }

  private spanAt(i: number): Span {
    const at = i * 4;
    const { spans } = this;
    return { line: spans[at] as number, column: spans[at + 1] as number, endLine: spans[at + 2] as number, endColumn: spans[at + 3] as number };
  }
}
