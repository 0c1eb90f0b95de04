// `cli run` never waits forever and never leaves a mess unannounced: request
// timeouts against endpoints that accept and stall, Ctrl-C at every stage, a
// same-name table made by someone else, and whose credentials sign the requests.
// Every server here listens on 127.0.0.1; DynamoDB is the test run's DynamoDB Local.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { exampleDesign } from '../runner/testing/exampleDesign.ts';
import { signedAccessKeyId, startRecordingServer, startStallingServer, type StallMode } from '../runner/testing/hostileServers.ts';
import { dropTable, replaceTable, tableDescription } from '../runner/testing/tableContents.ts';
import { testClients } from '../runner/testing/testClients.ts';
import { cli, startHoldingProxy, until } from './testing/spawnCli.ts';

const endpoint = inject('dynamodbEndpoint');
const ecommerce = new URL('../examples/ecommerce.problem.json', import.meta.url).pathname;
const { client, destroy } = testClients();
const { design } = exampleDesign();
const made: string[] = [];
afterAll(async () => {
  for (const name of made) await dropTable(client, name);
  destroy();
});

const uniqueName = (prefix: string) => {
  const name = `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  made.push(name);
  return name;
};

const describeTable = (tableName: string) => tableDescription(client, tableName);

describe('cli run: an endpoint that never answers', () => {
  const modes: [StallMode, string][] = [
    ['blackHole', 'accepts connections and never answers'],
    ['headers', 'sends headers and stalls'],
    ['partialBody', 'sends part of a body and stalls'],
  ];
  for (const [mode, what] of modes) {
    it(`says there was no answer within the timeout when the endpoint ${what}, and exits 2`, async () => {
      const server = await startStallingServer(mode);
      try {
        const ran = await cli([ecommerce, '--endpoint', server.url, '--timeout', '1']);
        expect(ran.code).toBe(2);
        expect(ran.err).toMatch(new RegExp(`^run: No answer from ${server.url} within 1 s \\(2 attempts\\)\\. .*\`--timeout S\` waits longer\\.$`, 'm'));
        expect(ran.out).not.toContain('created table');
        expect(server.count).toBeGreaterThan(0);
      } finally {
        await server.close();
      }
    });
  }
});

describe('cli run: Ctrl-C', () => {
  it('cancels the load, deletes the table it created and exits 130', async () => {
    let name = '';
    const ran = await cli([ecommerce, '--endpoint', endpoint, '--records', '2000'], {
      onOutput: (out, _err, child) => {
        const m = /created table (\S+)/.exec(out);
        if (m && !name) {
          name = m[1] ?? '';
          made.push(name);
          child.kill('SIGINT');
        }
      },
    });
    expect(name).toMatch(/^ECommerce-run-/);
    expect(ran.code).toBe(130);
    expect(ran.err).toContain(`interrupted: cancelling the requests in flight, then deleting table ${name} at ${endpoint}`);
    expect(ran.out).toContain(`deleted table ${name}`);
    expect(ran.out).not.toContain('loaded ');
    expect(await describeTable(name)).toBeUndefined();
  });

  it('aborts the requests in flight; a second Ctrl-C says which table is still being deleted, a third names it as left behind', async () => {
    const proxy = await startHoldingProxy(endpoint);
    const name = uniqueName('cli-interrupt');
    let signals = 0;
    const signal = (child: { kill: (s: NodeJS.Signals) => boolean }) => {
      signals++;
      child.kill('SIGINT');
    };
    let stage: 'load' | 'cleanup' | 'still' | 'done' = 'load';
    let watching = false;
    try {
      const ran = await cli([ecommerce, '--endpoint', proxy.url, '--table', name, '--records', '2000', '--timeout', '120'], {
        onOutput: (out, err, child) => {
          if (watching) return;
          if (stage === 'load' && out.includes(`created table ${name}`)) {
            watching = true;
            // From now on nothing reaches DynamoDB Local: the load's next BatchWriteItem hangs at the proxy.
            proxy.hold = true;
            void until(() => proxy.held.some((h) => h.operation === 'BatchWriteItem')).then(() => {
              signal(child);
              stage = 'cleanup';
              // Only because the BatchWriteItem in flight was aborted does the clean-up start (timeout: 120 s).
              return until(() => proxy.held.some((h) => h.operation === 'ListTables' || h.operation === 'DescribeTable')).then(() => {
                signal(child);
                stage = 'still';
                watching = false;
              });
            });
          } else if (stage === 'still' && err.includes('still deleting table')) {
            stage = 'done';
            signal(child);
          }
        },
      });
      expect(signals).toBe(3);
      expect(ran.code).toBe(130);
      expect(proxy.held.find((h) => h.operation === 'BatchWriteItem')?.abandoned).toBe(true);
      expect(ran.err).toContain(`interrupted: cancelling the requests in flight, then deleting table ${name} at ${proxy.url}`);
      expect(ran.err).toContain(`still deleting table ${name} at ${proxy.url}; press Ctrl-C again to stop waiting and leave it behind`);
      expect(ran.err).toMatch(
        new RegExp(
          `left table ${name} behind at ${proxy.url}: stopped waiting \\(Ctrl-C\\)\\. Delete it yourself, e\\.g\\. \`aws dynamodb delete-table --table-name ${name} --endpoint-url ${proxy.url} --region us-east-1\``,
        ),
      );
      expect(ran.out).not.toContain('deleted table');
      // Named as left behind, and indeed still there.
      expect(await describeTable(name)).toBeDefined();
    } finally {
      await proxy.close();
    }
  });

  it('during sample generation ends the run at once: samples come before any table', async () => {
    const name = uniqueName('cli-early');
    const ran = await cli([ecommerce, '--endpoint', endpoint, '--table', name, '--records', '100000'], {
      onOutput: (out, _err, child) => {
        if (out.includes('generating sample items')) child.kill('SIGINT');
      },
    });
    expect(ran.signal === 'SIGINT' || ran.code === 130).toBe(true);
    expect(ran.out).not.toContain('generated ');
    expect(ran.out).not.toContain('created table');
    expect(await describeTable(name)).toBeUndefined();
  });
});

describe('cli run: a table of the same name made by someone else', () => {
  it('is not deleted when ours was deleted and another created in its place before clean-up', async () => {
    const name = uniqueName('cli-replaced');
    let replaced = false;
    let theirs: Date | undefined;
    const ran = await cli([ecommerce, '--endpoint', endpoint, '--table', name, '--records', '2000'], {
      onOutput: (out, _err, child) => {
        if (replaced || !out.includes(`created table ${name}`)) return;
        replaced = true;
        // Freeze the run mid-load; someone else replaces the table (same name, same shape); let the run go on.
        child.kill('SIGSTOP');
        void replaceTable(client, design, name).then((created) => {
          theirs = created;
          child.kill('SIGCONT');
        });
      },
    });
    expect(theirs).toBeInstanceOf(Date);
    expect(ran.err).toContain(`not deleting: Table ${name} at ${endpoint} is not the table created here`);
    expect(ran.err).toContain(`this one at ${theirs?.toISOString() ?? '?'}`);
    expect(ran.out).not.toContain(`deleted table ${name}`);
    expect((await describeTable(name))?.CreationDateTime?.getTime()).toBe(theirs?.getTime());
  });
});

describe('cli run: credentials', () => {
  // Fake "real" credentials in the environment, where the AWS SDK looks first.
  const machine = { AWS_ACCESS_KEY_ID: 'AKIAMACHINEKEY000001', AWS_SECRET_ACCESS_KEY: 'machine-secret-never-sent' };

  it('signs requests to --endpoint with the fake local key, not the machine’s credentials', async () => {
    const server = await startRecordingServer();
    try {
      const ran = await cli([ecommerce, '--endpoint', server.url], { env: machine });
      expect(ran.code).toBe(2);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.requests.map((h) => signedAccessKeyId(h.authorization))).toEqual(server.requests.map(() => 'local'));
      expect(ran.out).toContain(`sending to ${server.url}, signed with fake local credentials`);
      expect(ran.err).toContain('`--aws-credentials` signs with yours');
    } finally {
      await server.close();
    }
  });

  it('signs with the machine’s credentials only with --aws-credentials', async () => {
    const server = await startRecordingServer();
    try {
      const ran = await cli([ecommerce, '--endpoint', server.url, '--aws-credentials'], { env: machine });
      expect(ran.code).toBe(2);
      expect(server.requests.length).toBeGreaterThan(0);
      expect(server.requests.map((h) => signedAccessKeyId(h.authorization))).toEqual(server.requests.map(() => machine.AWS_ACCESS_KEY_ID));
      expect(`${ran.out}${ran.err}`).not.toContain(machine.AWS_SECRET_ACCESS_KEY);
    } finally {
      await server.close();
    }
  });

  it('refuses an endpoint URL holding user:password@ and sends nothing', async () => {
    const server = await startRecordingServer();
    try {
      const ran = await cli([ecommerce, '--endpoint', `http://ana:hunter2@127.0.0.1:${server.port}`]);
      expect(ran.code).toBe(2);
      expect(ran.err).toContain('--endpoint: The endpoint URL must not hold credentials (user:password@)');
      expect(ran.err).not.toContain('hunter2');
      expect(server.count).toBe(0);
    } finally {
      await server.close();
    }
  });
});
