// Clients for the DynamoDB Local the vitest global set-up started.
import { inject } from 'vitest';
import { createClients, LOCAL_CREDENTIALS, type Clients } from '../createClients.ts';

export function testClients(endpoint: string = inject('dynamodbEndpoint')): Clients {
  return createClients({ endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
}
