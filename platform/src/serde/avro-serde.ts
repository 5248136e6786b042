/**
 * Avro serde over a schema registry, in the Confluent wire format.
 * Encode registers the current schema lazily under `<topic>-<record full name>`
 * (TopicRecordNameStrategy). Decode fetches the writer schema by id and, for record names this
 * process knows, resolves it to the current (reader) schema: old messages read with new code.
 */
import { Type } from 'avsc';
import type { Resolver, Schema } from 'avsc';
import { NotFoundError, ValidationError } from '../errors';
import type { FieldIssue } from '../errors';
import { avroValidationIssues } from './avro-validation';
import { UndecodableMessageError } from './port';
import type { DecodedMessage, SchemaRegistry, Serde } from './port';
import { WIRE_HEADER_LENGTH, decodeWireFormat, writeWireHeader } from './wire';

export interface AvroSerdeOptions {
  /** The current schema text of a record full name; undefined for record names this process doesn't know. */
  resolveSchema(recordName: string): string | undefined;
}

interface CurrentSchema {
  text: string;
  type: Type;
}

interface Decoder {
  recordName: string;
  /** The reader: the current schema when known, else the writer schema itself. */
  type: Type;
  resolver?: Resolver;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The data itself cannot be written with the record's schema (a value out of range, a field
 * missing or undeclared): encoding it again gives the same answer, so a mirror dead-letters the
 * event rather than retrying it. A registry that is down or refuses a schema throws other errors.
 */
export class UnencodableDataError extends ValidationError {
  readonly recordName: string;
  constructor(recordName: string, reason: string, issues: FieldIssue[] = []) {
    super(`data does not match the schema of ${recordName}: ${reason}`, issues);
    this.recordName = recordName;
  }
}

/**
 * avsc decodes records into instances of generated classes; consumers get plain data. Copied
 * field by field: through `Object.entries` and `Object.fromEntries` the copy cost two to four
 * times the decoding itself (an `OrderPlaced`: 4.8-8.2 µs, against 1.1 now and 1.8 for avsc).
 */
const toPlain = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const items = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index += 1) items[index] = toPlain(value[index]);
    return items;
  }
  if (Buffer.isBuffer(value)) return value;
  const plain: Record<string, unknown> = {};
  // Own keys only: a field named `__proto__` (a writer schema may have one) sets the prototype of
  // avsc's instance rather than a property of it, and is not copied.
  for (const key of Object.keys(value)) plain[key] = toPlain((value as Record<string, unknown>)[key]);
  return plain;
};

/** Where bodies are written before being copied out at their exact size; grown when a body outgrows it. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * The body written once, after room for the wire header, into a buffer of its exact size.
 * (avsc's `toBuffer` writes into its own buffer, then into a zero-filled one; the header then
 * needed a third and a concatenation: a mirror encodes every event.)
 */
const encodeAfterHeader = (type: Type, data: unknown): Buffer => {
  let end = type.encode(data, scratch, WIRE_HEADER_LENGTH);
  if (end < 0) {
    // avsc answers the missing byte count as a negative number.
    scratch = Buffer.allocUnsafe(2 ** Math.ceil(Math.log2(scratch.length - end)));
    end = type.encode(data, scratch, WIRE_HEADER_LENGTH);
  }
  const message = Buffer.allocUnsafe(end);
  scratch.copy(message, 0, 0, end);
  return message;
};

/** Caches a promise per key, forgetting it on failure so the next call retries. */
const createPromiseCache = <K, V>() => {
  const cache = new Map<K, Promise<V>>();
  return (key: K, load: () => Promise<V>): Promise<V> => {
    let value = cache.get(key);
    if (!value) {
      value = load();
      cache.set(key, value);
      value.catch(() => cache.delete(key));
    }
    return value;
  };
};

export const createAvroSerde = (registry: SchemaRegistry, options: AvroSerdeOptions): Serde => {
  const currentSchemas = new Map<string, CurrentSchema | undefined>();

  const currentSchemaOf = (recordName: string): CurrentSchema | undefined => {
    if (!currentSchemas.has(recordName)) {
      const text = options.resolveSchema(recordName);
      if (text === undefined) {
        currentSchemas.set(recordName, undefined);
      } else {
        const type = Type.forSchema(JSON.parse(text) as Schema);
        if (type.name !== recordName) {
          throw new Error(`resolveSchema(${recordName}) answered the schema of ${type.name ?? 'an unnamed type'}`);
        }
        currentSchemas.set(recordName, { text, type });
      }
    }
    return currentSchemas.get(recordName);
  };

  const schemaIds = createPromiseCache<string, number>();
  const decoders = createPromiseCache<number, Decoder>();

  const writerSchemaText = async (schemaId: number): Promise<string> => {
    try {
      return await registry.getSchema(schemaId);
    } catch (error) {
      // An unknown id is the message's fault; a registry outage is not, and stays retriable.
      if (error instanceof NotFoundError) throw new UndecodableMessageError(`unknown schema id ${schemaId}`);
      throw error;
    }
  };

  const loadDecoder = async (schemaId: number): Promise<Decoder> => {
    const text = await writerSchemaText(schemaId);
    let writer: Type;
    try {
      writer = Type.forSchema(JSON.parse(text) as Schema);
    } catch (error) {
      throw new UndecodableMessageError(`schema ${schemaId} is not a valid Avro schema: ${messageOf(error)}`);
    }
    if (writer.typeName !== 'record' || !writer.name) {
      throw new UndecodableMessageError(`schema ${schemaId} is a ${writer.typeName}, not a named record`);
    }
    const reader = currentSchemaOf(writer.name)?.type;
    if (!reader) return { recordName: writer.name, type: writer };
    try {
      return { recordName: writer.name, type: reader, resolver: reader.createResolver(writer) };
    } catch (error) {
      throw new UndecodableMessageError(`schema ${schemaId} cannot be read as the current ${writer.name}: ${messageOf(error)}`);
    }
  };

  return {
    async encode(topic, recordName, data) {
      const current = currentSchemaOf(recordName);
      if (!current) throw new ValidationError(`no Avro schema for record ${recordName}`);
      if (!current.type.isValid(data, { noUndeclaredFields: true })) {
        const issues = avroValidationIssues(current.type, data);
        throw new UnencodableDataError(recordName, issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ') || 'invalid', issues);
      }
      // Validated first: an event that can never be encoded fails the same way while the registry is down.
      let message: Buffer;
      try {
        message = encodeAfterHeader(current.type, data);
      } catch (error) {
        throw new UnencodableDataError(recordName, messageOf(error));
      }
      const subject = `${topic}-${recordName}`;
      const schemaId = await schemaIds(subject, () => registry.register(subject, current.text));
      return writeWireHeader(message, schemaId);
    },

    async decode(buffer): Promise<DecodedMessage> {
      const { schemaId, body } = decodeWireFormat(buffer);
      const decoder = await decoders(schemaId, () => loadDecoder(schemaId));
      let value: unknown;
      try {
        value = decoder.type.fromBuffer(body, decoder.resolver);
      } catch (error) {
        throw new UndecodableMessageError(`body does not match schema ${schemaId} (${decoder.recordName}): ${messageOf(error)}`);
      }
      return { recordName: decoder.recordName, schemaId, data: toPlain(value) as Record<string, unknown> };
    },
  };
};
