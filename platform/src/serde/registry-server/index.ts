/** The project's Confluent-compatible schema registry server over the log port's `_schemas` topic. */
export { createSchemaRegistryServer } from './server';
export type { SchemaRegistryServer, SchemaRegistryServerOptions } from './server';
export { createLogRegistryStore } from './registry-store';
export type { LogRegistryStore, LogRegistryStoreOptions } from './registry-store';
export { SCHEMAS_TOPIC } from './records';
