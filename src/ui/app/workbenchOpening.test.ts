import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseModelText } from '../../engine/index.ts';
import { readWorkbenchNow } from './workbenchOpening.ts';

const chatSystem = () =>
  readFileSync(fileURLToPath(new URL('../../../../shared/workbench-models/aws-dynamodb-examples--ChatSystem.json', import.meta.url)), 'utf8');

describe('readWorkbenchNow', () => {
  it('gives the imported model as text, its layout and the figures and lines of the report', () => {
    const read = readWorkbenchNow(chatSystem());
    if (!read.ok) throw new Error(read.errors.join('\n'));
    expect(read).toMatchObject({ modelName: 'Chat', version: '3.0', table: 'Chat', tables: 1, entities: 2, gsis: 1, records: 8, proposed: 4 });
    const model = parseModelText(read.text).model;
    expect(model?.entities).toHaveLength(2);
    expect(model?.patterns.map((p) => p.name)).toContain('listChatByRoomId');
    expect(read.layout.indexes.map((i) => i.name)).toContain('RoomID_Comment_IDX');
    expect(
      read.report.some(
        (line) => line.startsWith("line 19, col 20: Chat's sort key {sk} starts with a value") && line.endsWith('(DataModel[0].KeyAttributes.SortKey)'),
      ),
    ).toBe(true);
  });

  it('crosses from its worker unchanged (a structured clone of plain data)', () => {
    const read = readWorkbenchNow(chatSystem());
    expect(structuredClone(read)).toEqual(read);
  });

  it('refuses a file it cannot read with the reason at its line and column', () => {
    const read = readWorkbenchNow('{\n  "ModelName": "x",\n  "ModelMetadata": { "Version": "9.0" },\n  "DataModel": []\n}\n');
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.join('\n')).toContain('line 3, col 33: Version "9.0" is not a NoSQL Workbench format this reader knows');
  });
});
