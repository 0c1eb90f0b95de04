// FROM and TO of the commands that evolve a deployed design (`diff`, `migrate`):
// each a problem file (JSON or text form) or a design.json. FROM is the deployed
// design: derived afresh from a problem, or the layout of a design.json. TO is a
// problem derived against FROM as deployed (`deriveDesign(model, { previous,
// deployed: true })`), or a design.json's layout. A design.json holds no model, so
// the other file's model is planned on it (patterns it cannot serve are "not
// served" there); one of the two must be a problem. `migrate` may read FROM from
// the table itself (the design.json stored in it: deployedCommand.ts).
import {
  deriveDesign,
  designLayout,
  loadProblem,
  parseDesignJson,
  planDesign,
  type Design,
  type DesignLayout,
  type KeysMode,
  type Model,
} from '../engine/index.ts';
import { located, readText, type CliIo } from './runCli.ts';

/** A design.json starts with its format, `tablewright-design/<version>` (DESIGN-FORMAT.md: written first); a problem's format is another. */
const DESIGN_FILE = /^[\s\ufeff]*\{\s*"format"\s*:\s*"tablewright-design\//;

type Input = { kind: 'model'; model: Model } | { kind: 'design'; layout: DesignLayout };

/** A design.json already read (the one stored in a table: readDeployedDesign), named `label` in messages. */
export interface DesignText {
  text: string;
  label: string;
}

/** A problem's model or a design.json's layout, or undefined after printing why it does not load. */
export function readModelOrDesign(source: string | DesignText, io: CliIo): Input | undefined {
  const file = typeof source === 'string' ? source : source.label;
  const text = typeof source === 'string' ? readText(source, io) : source.text;
  if (text === undefined) return undefined;
  const errors = (n: number) => io.err(`${file}: not loaded (${n} error(s))\n`);
  if (DESIGN_FILE.test(text)) {
    const parsed = parseDesignJson(text);
    for (const d of parsed.diagnostics) io.err(`${file}:${located(d)}\n`);
    if (!parsed.design) return void errors(parsed.diagnostics.filter((d) => d.severity === 'error').length);
    return { kind: 'design', layout: parsed.design };
  }
  const parsed = loadProblem(text);
  for (const d of parsed.diagnostics) io.err(`${file}:${located(d)}\n`);
  if (!parsed.model) return void errors(parsed.diagnostics.filter((d) => d.severity === 'error').length);
  return { kind: 'model', model: parsed.model };
}

/** The deployed design FROM and the design TO derived against it, or undefined after printing why not (exit 2). */
export function readEvolution(
  fromSource: string | DesignText,
  toFile: string,
  options: { keys: KeysMode },
  io: CliIo,
): { from: Design; to: Design } | undefined {
  const fromFile = typeof fromSource === 'string' ? fromSource : fromSource.label;
  const a = readModelOrDesign(fromSource, io);
  const b = readModelOrDesign(toFile, io);
  if (!a || !b) return undefined;
  if (a.kind === 'design' && b.kind === 'design') {
    io.err(`${fromFile} and ${toFile} are both design.json files, which hold no model: give FROM or TO as a problem file\n`);
    return undefined;
  }
  const from = a.kind === 'model' ? deriveDesign(a.model, { keys: options.keys }) : planDesign((b as { model: Model }).model, a.layout);
  const to =
    b.kind === 'model' ? deriveDesign(b.model, { keys: options.keys, previous: designLayout(from), deployed: true }) : planDesign(from.model, b.layout);
  return { from, to };
}
