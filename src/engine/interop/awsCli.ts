// The design's table for the AWS CLI: the CreateTable input as JSON for
// `aws dynamodb create-table --cli-input-json file://create-table.json`
// (the input `tableDefinition` gives, with the tags), and a POSIX shell script
// that creates the table, waits until it exists, then sets what CreateTable
// cannot: the time to live (`update-time-to-live`,
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/time-to-live-ttl-how-to.html)
// and point-in-time recovery (`update-continuous-backups`,
// https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/PointInTimeRecovery_Howitworks.html).
// Every value reaches the script as one single-quoted word.
import type { TableDefinition } from '../design/tableDefinition.ts';
import type { Design } from '../design/types.ts';
import { exportedTable } from './exportedTable.ts';
import { lineComment } from './lineComment.ts';

/** The file the script passes to create-table (it runs from its own folder). */
export const CREATE_TABLE_INPUT_FILE = 'create-table.json';

/** CreateTable's input as the AWS CLI reads it with --cli-input-json: the definition, and Tags when there are any. */
export function createTableInput(design: Design): TableDefinition & { Tags?: { Key: string; Value: string }[] } {
  const table = exportedTable(design);
  return { ...table.definition, ...(table.tags.length ? { Tags: table.tags.map((t) => ({ Key: t.key, Value: t.value })) } : {}) };
}

/** create-table.json. */
export function awsCliInputJson(design: Design): string {
  return `${JSON.stringify(createTableInput(design), null, 2)}\n`;
}

/** create-table.sh: create-table, wait, then update-time-to-live and update-continuous-backups where the design has them. */
export function awsCliScript(design: Design): string {
  const table = exportedTable(design);
  const name = shellWord(table.definition.TableName);
  const lines = [
    '#!/bin/sh',
    `# ${lineComment(design.model.name)}: creates the DynamoDB table of its single-table design with the AWS CLI (exported by Tablewright).`,
    `# Run it beside ${CREATE_TABLE_INPUT_FILE}, with the credentials and region of the account the table goes to.`,
    'set -eu',
    'cd "$(dirname "$0")"',
    '',
    `aws dynamodb create-table --cli-input-json ${shellWord(`file://${CREATE_TABLE_INPUT_FILE}`)}`,
    `aws dynamodb wait table-exists --table-name ${name}`,
  ];
  if (table.timeToLive) {
    lines.push(
      '',
      `# Time to live: ${lineComment(table.timeToLive.entities.join(', '))} items expire at this attribute's time (epoch seconds).`,
      `aws dynamodb update-time-to-live --table-name ${name} --time-to-live-specification ${shellWord(JSON.stringify({ Enabled: true, AttributeName: table.timeToLive.attribute }))}`,
    );
  }
  if (table.pointInTimeRecovery) {
    lines.push(
      '',
      `aws dynamodb update-continuous-backups --table-name ${name} --point-in-time-recovery-specification ${shellWord(JSON.stringify({ PointInTimeRecoveryEnabled: true }))}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** One POSIX shell word holding exactly `s`: single-quoted, a quote in it written '\''. */
export function shellWord(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
