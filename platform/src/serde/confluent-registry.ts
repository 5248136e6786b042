/**
 * SchemaRegistry over Confluent's REST API, through @kafkajs/confluent-schema-registry.
 * Subjects are always given explicitly (TopicRecordNameStrategy is decided by the serde, not the client).
 */
import { COMPATIBILITY, SchemaType } from '@kafkajs/confluent-schema-registry';
import type { SchemaRegistry as ConfluentClient } from '@kafkajs/confluent-schema-registry';
import { NotFoundError, ValidationError } from '../errors';
import { IncompatibleSchemaError } from './port';
import type { SchemaRegistry } from './port';

export interface ConfluentSchemaRegistryOptions {
  /** Set on a subject when it is first registered; FULL_TRANSITIVE by default (DESIGN §4.7). */
  compatibility?: COMPATIBILITY;
}

/** The client's HTTP errors carry the status (mappersmith's ResponseError). */
const statusOf = (error: unknown): number | undefined =>
  typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : undefined;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The avsc Type the client parses schemas into; serialised back to schema text. */
const isAvroType = (schema: unknown): schema is { schema(options: { exportAttrs: boolean }): unknown } =>
  typeof schema === 'object' && schema !== null && 'schema' in schema && typeof schema.schema === 'function';

export const createConfluentSchemaRegistry = (
  client: ConfluentClient,
  options: ConfluentSchemaRegistryOptions = {},
): SchemaRegistry => {
  const compatibility = options.compatibility ?? COMPATIBILITY.FULL_TRANSITIVE;

  return {
    async register(subject, schema) {
      try {
        const { id } = await client.register({ type: SchemaType.AVRO, schema }, { subject, compatibility });
        return id;
      } catch (error) {
        const status = statusOf(error);
        if (status === 409) throw new IncompatibleSchemaError(subject, messageOf(error));
        if (status === 422) throw new ValidationError(`invalid schema for subject ${subject}: ${messageOf(error)}`);
        throw error;
      }
    },
    async getSchema(id) {
      try {
        const schema: unknown = await client.getSchema(Number(id));
        if (!isAvroType(schema)) throw new ValidationError(`schema ${id} is not an Avro schema`);
        return JSON.stringify(schema.schema({ exportAttrs: true }));
      } catch (error) {
        if (statusOf(error) === 404) throw new NotFoundError(`schema ${id} not found`, { schemaId: String(id) });
        throw error;
      }
    },
    async health() {
      try {
        // A 404 for a subject that doesn't exist proves the registry answers, at no cost to it.
        await client.getLatestSchemaId('__ecommerce-health-check__');
        return { ok: true };
      } catch (error) {
        if (statusOf(error) === 404) return { ok: true };
        return { ok: false, detail: messageOf(error) };
      }
    },
    async close() {
      // The client holds no connection of its own to release.
    },
  };
};
