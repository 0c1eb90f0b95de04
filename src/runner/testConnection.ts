// "Test connection": one ListTables call, which any endpoint answers and which
// needs only dynamodb:ListTables; reports the tables seen and the round trip.
import { ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export interface ConnectionInfo {
  /** Up to 100 table names (the first page). */
  tableNames: string[];
  /** More tables exist than listed. */
  more: boolean;
  latencyMs: number;
}

export async function testConnection({ client, signal }: { client: DynamoDBClient; signal?: AbortSignal }): Promise<ConnectionInfo> {
  const started = performance.now();
  const out = await client.send(new ListTablesCommand({ Limit: 100 }), signal ? { abortSignal: signal } : {});
  return { tableNames: out.TableNames ?? [], more: out.LastEvaluatedTableName !== undefined, latencyMs: performance.now() - started };
}
