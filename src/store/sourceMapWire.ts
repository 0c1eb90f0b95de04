// A source map as it crosses from the analysis worker to the page: its paths (left out when they are
// those of the map the page holds: an edit within a line moves spans, not paths), and their spans as
// four numbers each in one Int32Array, instead of a Map of span objects. For the 1,000-pattern model
// (15,000 paths) the structured clone of the Map took about 10 ms to write in the worker and 20 ms to
// read on the page; this about 1 ms and 2 ms, with 2 ms to make the Map again on the page.
import type { SourceMap } from '../engine/index.ts';

export interface WireSourceMap {
  /** The map's paths, in its order; absent: the same as the base's (the map the page holds). */
  paths?: string[];
  /** Per path: line, column, endLine, endColumn (1-based, end exclusive, as in a Span). */
  spans: Int32Array;
}

/** The map packed; its paths left out when they are `basePaths`. */
export function toWireSourceMap(map: SourceMap, basePaths?: readonly string[]): WireSourceMap {
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
export function fromWireSourceMap(wire: WireSourceMap, basePaths?: readonly string[]): SourceMap | undefined {
  const { spans } = wire;
  const paths = wire.paths ?? basePaths;
  if (paths === undefined || paths.length * 4 !== spans.length) return undefined;
  const map: SourceMap = new Map();
  for (let i = 0; i < paths.length; i++) {
    const at = i * 4;
    map.set(paths[i] as string, {
      line: spans[at] as number,
      column: spans[at + 1] as number,
      endLine: spans[at + 2] as number,
      endColumn: spans[at + 3] as number,
    });
  }
  return map;
}
