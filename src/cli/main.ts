// Entry point of `npm run cli -- <command>`.
import { runCli } from './runCli.ts';

const code = await runCli(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
});
process.exitCode = code;
