// The DynamoDB clients the runner sends through: the low-level client (tables)
// and the document client (items as plain JS values). Credentials stay in the
// objects built here, in memory; nothing in the runner writes them anywhere.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ClientOptions {
  /** A custom endpoint (DynamoDB Local, a proxy); omitted for AWS's regional endpoint. */
  endpoint?: string;
  region: string;
  /** Static credentials; omitted: the SDK's default chain (Node: environment, profiles...). */
  credentials?: Credentials;
  /** Attempts per request, SDK retries included (default 3). */
  maxAttempts?: number;
}

export interface Clients {
  client: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  /** Where requests go, for messages: the endpoint or `AWS <region>`. */
  target: string;
  region: string;
  destroy: () => void;
}

/** Fake credentials for DynamoDB Local, which accepts any; the same key keeps one database per region. */
export const LOCAL_CREDENTIALS: Credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export function createClients({ endpoint, region, credentials, maxAttempts }: ClientOptions): Clients {
  const client = new DynamoDBClient({
    region,
    ...(endpoint !== undefined ? { endpoint } : {}),
    ...(credentials !== undefined
      ? {
          credentials: {
            accessKeyId: credentials.accessKeyId,
            secretAccessKey: credentials.secretAccessKey,
            ...(credentials.sessionToken ? { sessionToken: credentials.sessionToken } : {}),
          },
        }
      : {}),
    ...(maxAttempts !== undefined ? { maxAttempts } : {}),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    client,
    doc,
    target: endpoint ?? `AWS ${region}`,
    region,
    destroy: () => {
      doc.destroy();
      client.destroy();
    },
  };
}
