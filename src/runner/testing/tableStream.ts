// A table's DynamoDB Streams records on DynamoDB Local (which implements Streams), for tests: read with
// @aws-sdk/client-dynamodb-streams (DescribeStream, GetShardIterator TRIM_HORIZON, GetRecords)
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.html).
import { DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand, type DynamoDBStreamsClient, type _Record } from '@aws-sdk/client-dynamodb-streams';

/**
 * Every record of the stream `arn` so far that `keep` keeps, every shard from its start, in sequence-number order
 * within each shard; read again (records reach the stream a little later) until there are `atLeast`, 20 rounds at most.
 */
export async function readStream(
  streams: DynamoDBStreamsClient,
  arn: string,
  atLeast: number,
  keep: (record: _Record) => boolean = () => true,
): Promise<_Record[]> {
  for (let round = 0; ; round++) {
    const records: _Record[] = [];
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator: iterator } = await streams.send(
        new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
      );
      // An open shard always gives a next iterator: stop at the first empty page.
      for (let page = 0; iterator && page < 1000; page++) {
        const out = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
        const got = out.Records ?? [];
        records.push(...got.filter(keep));
        if (got.length === 0) break;
        iterator = out.NextShardIterator;
      }
    }
    if (records.length >= atLeast || round >= 20) return records;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
