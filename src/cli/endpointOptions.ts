// What the commands that talk to DynamoDB (`run`, `migrate`) share: the endpoint,
// region, timeout and credentials options read and checked, the CLI's hints on top
// of the runner's words for a failure, and Ctrl-C handling.
import { DEFAULT_TIMEOUT_MS, parseEndpointUrl, type DescribedError } from '../runner/index.ts';
import type { CliIo } from './runCli.ts';

export interface EndpointOptions {
  /** `--endpoint`, checked (no user:password@); undefined when not given. */
  endpointUrl: string | undefined;
  /** `--region`, else AWS_REGION / AWS_DEFAULT_REGION, else us-east-1. */
  region: string;
  /** `--timeout S` in milliseconds (default DEFAULT_TIMEOUT_MS). */
  timeoutMs: number;
  /** `--aws-credentials`: sign with the AWS SDK's default chain instead of fake local credentials. */
  awsCredentials: boolean;
}

function parseTimeout(value: string | true | undefined): number | Error {
  if (value === undefined) return DEFAULT_TIMEOUT_MS;
  if (typeof value !== 'string' || !/^\d+(\.\d+)?$/.test(value) || Number(value) <= 0 || Number(value) > 3600) {
    return new Error('--timeout takes the seconds one request may wait for an answer: a number above 0, at most 3600');
  }
  return Number(value) * 1000;
}

/** The options, or undefined after printing what is wrong (exit 2). `withoutEndpoint` says why --aws-credentials needs --endpoint. */
export function readEndpointOptions(options: Map<string, string | true>, io: CliIo, withoutEndpoint: string): EndpointOptions | undefined {
  const timeoutMs = parseTimeout(options.get('--timeout'));
  if (timeoutMs instanceof Error) {
    io.err(`${timeoutMs.message}\n`);
    return undefined;
  }
  const endpointOption = options.get('--endpoint');
  const regionOption = options.get('--region');
  const awsCredentials = options.get('--aws-credentials') === true;
  let endpointUrl: string | undefined;
  if (typeof endpointOption === 'string') {
    const parsed = parseEndpointUrl(endpointOption);
    if (!parsed.ok) {
      io.err(`--endpoint: ${parsed.message}\n`);
      return undefined;
    }
    endpointUrl = parsed.url;
  } else if (awsCredentials) {
    io.err(`--aws-credentials needs --endpoint: ${withoutEndpoint}\n`);
    return undefined;
  }
  const region = typeof regionOption === 'string' ? regionOption : (process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1');
  return { endpointUrl, region, timeoutMs, awsCredentials };
}

/** The CLI's own advice on top of the runner's words. */
export function withCliHint(d: DescribedError, awsCredentials: boolean): DescribedError {
  const add = (hint: string): DescribedError => ({ ...d, hint: d.hint ? `${d.hint} ${hint}` : hint });
  if (d.kind === 'timeout') return add('`--timeout S` waits longer.');
  if (d.kind === 'credentials' && !awsCredentials) return add('This run signed with fake local credentials; `--aws-credentials` signs with yours.');
  return d;
}

export interface Interrupts {
  /** Aborted by the first Ctrl-C: the run's requests. */
  work: AbortController;
  /** Aborted by the third: the clean-up's requests. */
  cleanup: AbortController;
  detach: () => void;
}

/**
 * Ctrl-C (and SIGTERM) while the command is on: the first cancels the work (`stopping` says how;
 * by default the requests in flight are cancelled), the second says what the clean-up still waits
 * for, the third stops the clean-up.
 */
export function catchInterrupts(io: CliIo, describeCleanup: () => string | undefined, stopping = 'cancelling the requests in flight'): Interrupts {
  const work = new AbortController();
  const cleanup = new AbortController();
  let count = 0;
  const onSignal = () => {
    count++;
    const pending = describeCleanup();
    if (count === 1) {
      io.err(`\ninterrupted: ${stopping}${pending ? `, then ${pending}` : ''}\n`);
      work.abort();
    } else if (count === 2 && pending) {
      io.err(`still ${pending}; press Ctrl-C again to stop waiting and leave it behind\n`);
    } else {
      cleanup.abort();
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    work,
    cleanup,
    detach: () => {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
    },
  };
}
