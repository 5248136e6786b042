/**
 * The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian integer,
 * then the Avro binary body. Any Confluent-compatible client reads what we write (DESIGN §4.7).
 */
import { UndecodableMessageError } from './port';

export const MAGIC_BYTE = 0;
export const WIRE_HEADER_LENGTH = 5;
/** Confluent ids are Java ints: positive and at most 2^31 - 1. */
const MAX_SCHEMA_ID = 0x7fffffff;

export interface WireMessage {
  schemaId: number;
  body: Buffer;
}

const assertSchemaId = (schemaId: number): void => {
  if (!Number.isInteger(schemaId) || schemaId < 0 || schemaId > MAX_SCHEMA_ID) {
    throw new RangeError(`schema id must be an integer from 0 to ${MAX_SCHEMA_ID}, got ${schemaId}`);
  }
};

export const encodeWireFormat = (schemaId: number, body: Buffer): Buffer => {
  assertSchemaId(schemaId);
  const header = Buffer.alloc(WIRE_HEADER_LENGTH);
  header.writeUInt8(MAGIC_BYTE, 0);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, body]);
};

/**
 * Fills the header of a message whose body was written after `WIRE_HEADER_LENGTH` reserved bytes:
 * the encoder writes the whole message once, with no second buffer to concatenate.
 */
export const writeWireHeader = (message: Buffer, schemaId: number): Buffer => {
  assertSchemaId(schemaId);
  if (message.length < WIRE_HEADER_LENGTH) throw new RangeError(`a message needs ${WIRE_HEADER_LENGTH} bytes for its header, got ${message.length}`);
  message.writeUInt8(MAGIC_BYTE, 0);
  message.writeInt32BE(schemaId, 1);
  return message;
};

/** Splits a message into schema id and body; anything else than the wire format is an UndecodableMessageError. */
export const decodeWireFormat = (message: unknown): WireMessage => {
  if (!Buffer.isBuffer(message)) {
    throw new UndecodableMessageError(`expected a Buffer, got ${message === null ? 'null' : typeof message}`);
  }
  if (message.length < WIRE_HEADER_LENGTH) {
    throw new UndecodableMessageError(`${message.length} bytes is shorter than the ${WIRE_HEADER_LENGTH}-byte wire format header`);
  }
  const magic = message.readUInt8(0);
  if (magic !== MAGIC_BYTE) {
    throw new UndecodableMessageError(`magic byte is ${magic}, expected ${MAGIC_BYTE} (not Confluent wire format)`);
  }
  const schemaId = message.readInt32BE(1);
  if (schemaId < 0) throw new UndecodableMessageError(`negative schema id ${schemaId}`);
  return { schemaId, body: message.subarray(WIRE_HEADER_LENGTH) };
};
