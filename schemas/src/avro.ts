/**
 * The Avro schemas of the events, read from `schemas/avro/<context>/<Type>.avsc`.
 * Files are read on first use (not at import), then cached for the life of the process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from 'avsc';
import type { Schema } from 'avsc';
import { eventContexts, isEventType, recordNameOf } from './events';
import type { EventType } from './events';

/** Folder holding the `.avsc` files, next to `src/`. */
export const avroSchemaDirectory = join(__dirname, '..', 'avro');

export interface EventSchema {
  eventType: EventType;
  /** The Avro full name, e.g. `ecommerce.catalog.ProductCreated`. */
  recordName: string;
  /** Path of the `.avsc` file. */
  path: string;
  /** The file's text, as committed. */
  text: string;
  /** The parsed JSON of the file. */
  json: Schema;
  type: Type;
}

export const avroSchemaPathOf = (type: EventType): string =>
  join(avroSchemaDirectory, eventContexts[type], `${type}.avsc`);

const cache = new Map<EventType, EventSchema>();

const loadEventSchema = (eventType: EventType): EventSchema => {
  const path = avroSchemaPathOf(eventType);
  const text = readFileSync(path, 'utf8');
  const json = JSON.parse(text) as Schema;
  return { eventType, recordName: recordNameOf(eventType), path, text, json, type: Type.forSchema(json) };
};

/** The schema of one event type: its file's text, parsed JSON and avsc Type. */
export const avroSchemaOf = (eventType: EventType): EventSchema => {
  let schema = cache.get(eventType);
  if (!schema) {
    schema = loadEventSchema(eventType);
    cache.set(eventType, schema);
  }
  return schema;
};

/** Every event type's schema, in the order of `eventContexts`. */
export const allEventSchemas = (): EventSchema[] =>
  (Object.keys(eventContexts) as EventType[]).map(avroSchemaOf);

/**
 * The current schema for an Avro full name, or undefined when no event type has it.
 * Serdes use it as the reader schema of a record name.
 */
export const avroSchemaOfRecordName = (recordName: string): EventSchema | undefined => {
  const eventType = recordName.slice(recordName.lastIndexOf('.') + 1);
  if (!isEventType(eventType) || recordNameOf(eventType) !== recordName) return undefined;
  return avroSchemaOf(eventType);
};
