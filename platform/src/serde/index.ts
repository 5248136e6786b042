/** Schema registry and Avro serde: the port, its adapters, the wire format and the contract suite's entry. */
export * from './port';
export { encodeWireFormat, decodeWireFormat, MAGIC_BYTE, WIRE_HEADER_LENGTH } from './wire';
export type { WireMessage } from './wire';
export { createEmbeddedSchemaRegistry, canonicalAvroSchema } from './embedded-registry';
export type { EmbeddedSchemaRegistry, EmbeddedSchemaRegistryOptions, SubjectVersion } from './embedded-registry';
export { createConfluentSchemaRegistry } from './confluent-registry';
export type { ConfluentSchemaRegistryOptions } from './confluent-registry';
export { createAvroSerde, UnencodableDataError } from './avro-serde';
export type { AvroSerdeOptions } from './avro-serde';
export { avroValidationIssues } from './avro-validation';
export * from './registry-server';
