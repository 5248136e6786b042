import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { schemaRegistryContract } from './contract';
import { createConfluentSchemaRegistry } from './confluent-registry';

const url = process.env.SCHEMA_REGISTRY_URL;
const d = url ? describe : describe.skip;
if (!url) console.warn('confluent-registry.int.test.ts skipped: set SCHEMA_REGISTRY_URL to run');

d('Confluent schema registry adapter', () => {
  schemaRegistryContract('Confluent REST', async () =>
    createConfluentSchemaRegistry(new SchemaRegistry({ host: url ?? '' })),
  );
});
