// `deployed --endpoint URL --table NAME [--out FILE]`: the design a live table has, read back from
// the table (the design.json Tablewright stored in it when `run` or the app created it, or a
// `migrate` last carried it: the runner's readDeployedDesign), written to FILE (or printed) for
// `--deployed`, `diff` and `migrate`. `migrate TO --table NAME` (FROM omitted) reads FROM the same
// way (readTableDesign).
//
// Exit codes: 0 written; 2 bad usage, a table whose design cannot be read back (not created by
// Tablewright, damaged, another design's indexes or tag) or DynamoDB could not be used.
import fs from 'node:fs';
import { createClients, describeError, formatDescribedError, LOCAL_CREDENTIALS, readDeployedDesign, type DeployedDesignRead } from '../runner/index.ts';
import { readEndpointOptions, withCliHint } from './endpointOptions.ts';
import type { CliIo } from './runCli.ts';

/** The design read back from the table of `--table` at `--endpoint`, or undefined after printing why not (exit 2). */
export async function readTableDesign(
  options: Map<string, string | true>,
  io: CliIo,
  command: string,
): Promise<(Extract<DeployedDesignRead, { status: 'found' }> & { tableName: string }) | undefined> {
  const tableName = options.get('--table');
  if (typeof tableName !== 'string') {
    io.err(`${command} needs --table NAME: the table whose design is read back\n`);
    return undefined;
  }
  const target = readEndpointOptions(options, io, 'the table is at the endpoint you give');
  if (!target) return undefined;
  if (target.endpointUrl === undefined) {
    io.err(
      `${command} needs --endpoint URL to read the design from table ${tableName} (DynamoDB Local, or e.g. https://dynamodb.eu-west-1.amazonaws.com with --region eu-west-1 --aws-credentials)\n`,
    );
    return undefined;
  }
  const { endpointUrl, region, timeoutMs, awsCredentials } = target;
  const clients = createClients({ endpoint: endpointUrl, region, timeoutMs, credentials: awsCredentials ? 'defaultChain' : LOCAL_CREDENTIALS });
  try {
    const read = await readDeployedDesign({ client: clients.client, tableName });
    if (read.status === 'refused') {
      io.err(`${command}: ${read.message}\n${read.details.map((d) => `  ${d}\n`).join('')}`);
      return undefined;
    }
    for (const w of read.warnings) io.err(`table ${tableName}: warning: ${w.message}\n`);
    return { ...read, tableName };
  } catch (e) {
    io.err(`${command}: ${formatDescribedError(withCliHint(describeError(e, { endpoint: endpointUrl, region, timeoutMs }), awsCredentials))}\n`);
    return undefined;
  } finally {
    clients.destroy();
  }
}

export async function deployedCommand({ options, io }: { options: Map<string, string | true>; io: CliIo }): Promise<number> {
  const read = await readTableDesign(options, io, 'deployed');
  if (!read) return 2;
  const out = options.get('--out');
  if (typeof out !== 'string') {
    io.out(read.text);
    return 0;
  }
  try {
    fs.writeFileSync(out, read.text);
  } catch (e) {
    io.err(`${out}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 2;
  }
  const tag = read.tag.supported ? (read.tag.value === read.identity ? ', as its tag tablewright:design says' : '') : ' (the endpoint keeps no tags)';
  io.out(`wrote ${out}: design ${read.identity} of table ${read.tableName}${tag}; give it as --deployed, or as FROM to diff and migrate\n`);
  return 0;
}
