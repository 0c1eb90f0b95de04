// `run PROBLEM`: create a table, load sample items, run every pattern, compare.
// Placeholder until the runner lands; see src/runner.
import type { Design } from '../engine/index.ts';
import type { CliIo } from './runCli.ts';

export async function runCommand(args: { design: Design; options: Map<string, string | true>; io: CliIo }): Promise<number> {
  args.io.err('run: not available yet\n');
  return 2;
}
