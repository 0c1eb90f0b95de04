// Vitest global set-up: one DynamoDB Local for the whole test run, shared with
// every test file through `inject('dynamodbEndpoint')`, stopped at teardown.
// Set TABLEWRIGHT_TEST_DYNAMODB_ENDPOINT to use an endpoint you already run instead.
import type { TestProject } from 'vitest/node';
import { startDynamoDBLocal } from './dynamodbLocal.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    /** `http://localhost:<port>` of the DynamoDB Local started for this run. */
    dynamodbEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env['TABLEWRIGHT_TEST_DYNAMODB_ENDPOINT'];
  if (external !== undefined && external !== '') {
    project.provide('dynamodbEndpoint', external);
    return async () => {};
  }
  const ddb = await startDynamoDBLocal({ port: 0, inMemory: true });
  project.provide('dynamodbEndpoint', ddb.endpoint);
  return () => ddb.stop();
}
