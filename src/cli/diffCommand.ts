// `diff FROM TO [--keys MODE] [--rate N] [--json]`: what changes when the deployed
// design FROM becomes TO (evolveInputs.ts reads both), as the engine's designDiff
// printed for people (diffText) or as JSON. Exit 0 when the live table can take the
// change, 1 when it cannot (the diff's `impossible`), 2 bad input.
import { designDiff, diffText, formatDiagnostic, isEvolveError, type KeysMode } from '../engine/index.ts';
import { readEvolution } from './evolveInputs.ts';
import type { CliIo } from './runCli.ts';

export function diffCommand({
  fromFile,
  toFile,
  keys,
  rate,
  json,
  io,
}: {
  fromFile: string;
  toFile: string;
  keys: KeysMode;
  rate?: number;
  json: boolean;
  io: CliIo;
}): number {
  const designs = readEvolution(fromFile, toFile, { keys }, io);
  if (!designs) return 2;
  const { from, to } = designs;
  // TO's own errors (a pattern it cannot serve): said beside the diff; what the live table cannot take is in it.
  for (const d of to.diagnostics) if (d.severity === 'error' && !isEvolveError(d)) io.err(`${toFile}: error: ${formatDiagnostic(d)}\n`);
  const diff = designDiff(from, to, rate === undefined ? {} : { rate });
  io.out(json ? `${JSON.stringify(diff, null, 2)}\n` : diffText(diff));
  return diff.impossible.length > 0 ? 1 : 0;
}
