// The AWS CLI export: create-table.json is the design's CreateTable input for every problem in both
// key modes, and create-table.sh, run by sh against a stand-in `aws` that records its arguments,
// creates the table from that file, waits for it, then sends exactly the time to live and the
// point-in-time recovery the design has, with every value one argument (hostile table names too).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleModel } from '../../testing/exampleModels.ts';
import { HOSTILE_TEXTS } from '../../testing/hostileInputs.ts';
import { deriveDesign } from '../design/deriveDesign.ts';
import { tableDefinition } from '../design/tableDefinition.ts';
import { tableSettings } from '../design/tableSettings.ts';
import type { Design } from '../design/types.ts';
import { awsCliInputJson, awsCliScript, CREATE_TABLE_INPUT_FILE } from './awsCli.ts';
import { designTag, exportCases } from '../../testing/exportCases.ts';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'tw-aws-cli-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

// The stand-in: each call's arguments as one JSON line, with the file a file:// argument names (read from where it runs).
const bin = path.join(scratch, 'bin');
fs.mkdirSync(bin);
fs.writeFileSync(
  path.join(bin, 'aws'),
  `#!${process.execPath}
const fs = require('node:fs');
const args = process.argv.slice(2);
const input = args.find((a) => a.startsWith('file://'));
fs.appendFileSync(process.env.AWS_LOG, JSON.stringify({ args, file: input ? fs.readFileSync(input.slice(7), 'utf8') : undefined }) + '\\n');
`,
  { mode: 0o755 },
);

/** Writes the two files to a folder of their own and runs the script from elsewhere; the calls it made. */
function runScript(design: Design, name: string): { args: string[]; file?: string }[] {
  const dir = path.join(scratch, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, CREATE_TABLE_INPUT_FILE), awsCliInputJson(design));
  fs.writeFileSync(path.join(dir, 'create-table.sh'), awsCliScript(design));
  const log = path.join(dir, 'calls.log');
  execFileSync('sh', [path.join(dir, 'create-table.sh')], { cwd: scratch, env: { PATH: `${bin}:${process.env.PATH ?? ''}`, AWS_LOG: log }, stdio: 'pipe' });
  return fs
    .readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { args: string[]; file?: string });
}

/** The calls the script must make for the design. */
function expectedCalls(design: Design): { args: string[]; file?: string }[] {
  const name = design.tableName;
  const settings = tableSettings(design);
  return [
    { args: ['dynamodb', 'create-table', '--cli-input-json', `file://${CREATE_TABLE_INPUT_FILE}`], file: awsCliInputJson(design) },
    { args: ['dynamodb', 'wait', 'table-exists', '--table-name', name] },
    ...(settings.ttlAttribute === undefined
      ? []
      : [
          {
            args: [
              'dynamodb',
              'update-time-to-live',
              '--table-name',
              name,
              '--time-to-live-specification',
              JSON.stringify({ Enabled: true, AttributeName: settings.ttlAttribute }),
            ],
          },
        ]),
    ...(settings.pitr
      ? [
          {
            args: [
              'dynamodb',
              'update-continuous-backups',
              '--table-name',
              name,
              '--point-in-time-recovery-specification',
              JSON.stringify({ PointInTimeRecoveryEnabled: true }),
            ],
          },
        ]
      : []),
  ];
}

const cases = exportCases();

describe.each(cases)('the AWS CLI files of $name', ({ design }) => {
  it("hold the design's CreateTable input, tagged with the design's identity as the runner tags a table", () => {
    expect(JSON.parse(awsCliInputJson(design))).toEqual({ ...tableDefinition(design), Tags: [designTag(design)] });
  });
});

describe('create-table.sh, run', () => {
  it.each(cases.filter((c) => /^(game-lobby|ecommerce) \(composite\)$|every on-demand/.test(c.name)).map((c, i) => ({ ...c, i })))(
    'creates $name from the JSON file, waits, then sets its time to live and point-in-time recovery',
    ({ design, i }) => {
      expect(runScript(design, `case${i}`)).toEqual(expectedCalls(design));
    },
  );

  it('passes a hostile table name as one argument, and the model name stays in its comment', () => {
    const texts = HOSTILE_TEXTS.filter((t) => !t.includes('\u0000'));
    for (const [i, text] of texts.entries()) {
      const design = { ...deriveDesign({ ...exampleModel('ecommerce'), name: text }), tableName: `${text} '$(touch pwned)' \`touch pwned\`` };
      expect(runScript(design, `hostile${i}`)).toEqual(expectedCalls(design));
    }
    expect(fs.existsSync(path.join(scratch, 'pwned'))).toBe(false);
  });
});
