/**
 * Schema registry and serde. Messages use the Confluent wire format:
 * magic byte 0, 4-byte big-endian schema id, Avro binary body.
 * Subjects follow TopicRecordNameStrategy: `<topic>-<record full name>`.
 */
export interface SchemaRegistry {
  /** Register (or find) a schema under a subject; refuses an incompatible one with IncompatibleSchemaError. */
  register(subject: string, schema: string): Promise<number>;
  /** The schema text for an id. */
  getSchema(id: string | number): Promise<string>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}

export interface DecodedMessage {
  /** The Avro record's full name, e.g. `ecommerce.catalog.ProductCreated`. */
  recordName: string;
  schemaId: number;
  data: Record<string, unknown>;
}

export interface Serde {
  encode(topic: string, recordName: string, data: Record<string, unknown>): Promise<Buffer>;
  decode(buffer: Buffer): Promise<DecodedMessage>;
}

export class IncompatibleSchemaError extends Error {
  constructor(subject: string, reason: string) {
    super(`schema for subject ${subject} is incompatible with earlier versions: ${reason}`);
    this.name = 'IncompatibleSchemaError';
  }
}

export class UndecodableMessageError extends Error {
  constructor(reason: string) {
    super(`undecodable message: ${reason}`);
    this.name = 'UndecodableMessageError';
  }
}
