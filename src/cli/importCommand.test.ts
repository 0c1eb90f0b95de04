// `cli import FILE --out DIR`: a NoSQL Workbench model becomes a problem (JSON and text form) that
// `check` loads, a design.json that `--previous` keeps, and its sample records; a file that is no
// Workbench model exits 2 with the reason at its line and column, and nothing is written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDesignJson } from '../engine/index.ts';
import { capture } from './testing/captureIo.ts';
import { runCli, USAGE } from './runCli.ts';

const CORPUS = fileURLToPath(new URL('../../../shared/workbench-models/', import.meta.url));
const chat = path.join(CORPUS, 'aws-dynamodb-examples--ChatSystem.json');
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tw-import-'));

describe('cli import', () => {
  it('writes the problem, its text form, the pinned design and the samples, and prints what it could not map with its place', async () => {
    const dir = path.join(tmp(), 'chat');
    const run = capture();
    expect(await runCli(['import', chat, '--out', dir], run.io)).toBe(0);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'aws-dynamodb-examples--ChatSystem.model.txt',
      'aws-dynamodb-examples--ChatSystem.problem.json',
      'design.json',
      'samples.json',
    ]);
    expect(run.out.join('')).toContain('imported table "Chat" from a NoSQL Workbench model (format 3.0): 2 entities, 1 GSIs, 8 sample records');
    expect(run.out.join('')).toContain(
      'proposed patterns (the file holds none; accept or edit them in aws-dynamodb-examples--ChatSystem.problem.json): getChat, listChatByChatId, listChatByRoomId, getMeta',
    );
    // Each thing not mapped exactly: FILE:line:column, the message and the JSON path.
    expect(run.err.join('')).toContain(`${chat}:19:20: warning: Chat's sort key {sk} starts with a value`);
    expect(run.err.join('')).toContain('(DataModel[0].KeyAttributes.SortKey)');
    const samples = JSON.parse(fs.readFileSync(path.join(dir, 'samples.json'), 'utf8')) as { entity: string; records: unknown[] }[];
    expect(samples.map((s) => [s.entity, s.records.length])).toEqual([
      ['Chat', 5],
      ['Meta', 3],
    ]);
  });

  it('writes a problem that check loads, in both forms, and a design that --previous keeps as it is', async () => {
    const dir = path.join(tmp(), 'chat');
    await runCli(['import', chat, '--out', dir], capture().io);
    const design = path.join(dir, 'design.json');
    expect(parseDesignJson(fs.readFileSync(design, 'utf8')).design?.indexes.map((i) => i.name)).toEqual(['table', 'RoomID_Comment_IDX']);
    for (const file of ['aws-dynamodb-examples--ChatSystem.problem.json', 'aws-dynamodb-examples--ChatSystem.model.txt']) {
      const check = capture();
      expect(await runCli(['check', path.join(dir, file), '--previous', design], check.io), check.err.join('')).toBe(0);
      expect(check.out.join('')).toContain('unchanged from the previous design: every index and key template kept');
      expect(check.out.join('')).toContain('ok: 2 entities, 4 patterns, 1 GSIs');
    }
  });

  it('imports the table --table names from a model with several', async () => {
    const dir = path.join(tmp(), 'bank');
    const run = capture();
    expect(await runCli(['import', path.join(CORPUS, 'ddb-labs--BankModel.json'), '--out', dir, '--table', 'TransactionHistory'], run.io)).toBe(0);
    expect(run.out.join('')).toContain('imported table "TransactionHistory" (of 2: --table picks another)');
    expect(run.err.join('')).toContain('table "PaymentScheduler" is not imported');
  });

  it('exits 2 with the located reason for a file it refuses, and writes nothing', async () => {
    const dir = path.join(tmp(), 'out');
    const file = path.join(tmp(), 'broken.json');
    fs.writeFileSync(file, '{\n  "ModelName": "x",\n  "ModelMetadata": { "Version": "9.0" },\n  "DataModel": []\n}\n');
    const run = capture();
    expect(await runCli(['import', file, '--out', dir], run.io)).toBe(2);
    expect(run.err.join('')).toContain(`${file}:3:33: error: Version "9.0" is not a NoSQL Workbench format this reader knows`);
    expect(run.err.join('')).toContain(`${file}: not imported (1 error(s))`);
    expect(fs.existsSync(dir)).toBe(false);
  });

  it('needs FILE and --out, and is in the usage', async () => {
    const noOut = capture();
    expect(await runCli(['import', chat], noOut.io)).toBe(2);
    expect(noOut.err.join('')).toContain('import needs --out DIR');
    const noFile = capture();
    expect(await runCli(['import', '--out', tmp()], noFile.io)).toBe(2);
    const missing = capture();
    expect(await runCli(['import', path.join(tmp(), 'none.json'), '--out', tmp()], missing.io)).toBe(2);
    expect(missing.err.join('')).toContain('cannot read: ENOENT');
    expect(USAGE).toContain('import FILE --out DIR [--table NAME]');
  });
});
