import { allEventSchemas, avroSchemaOf, avroSchemaOfRecordName } from './avro';
import { eventContexts, recordNameOf } from './events';
import type { EventType } from './events';
import { createSampleEventPayload } from './samples';

const eventTypes = Object.keys(eventContexts) as EventType[];

describe('event schemas', () => {
  it('has one schema per event type', () => {
    expect(allEventSchemas().map((schema) => schema.eventType)).toEqual(eventTypes);
  });

  describe.each(eventTypes)('%s', (eventType) => {
    const schema = avroSchemaOf(eventType);

    it('is a record named recordNameOf(type), with a doc', () => {
      expect(schema.type.name).toBe(recordNameOf(eventType));
      expect(schema.recordName).toBe(recordNameOf(eventType));
      expect(schema.type.typeName).toBe('record');
      expect(typeof (schema.json as { doc?: unknown }).doc).toBe('string');
    });

    it('round-trips its sample payload', () => {
      const sample = createSampleEventPayload(eventType);
      const issues: string[] = [];
      const valid = schema.type.isValid(sample, { errorHook: (path) => issues.push(path.join('.')) });
      expect(issues).toEqual([]);
      expect(valid).toBe(true);
      expect(schema.type.fromBuffer(schema.type.toBuffer(sample))).toEqual(sample);
    });

    it('has exactly the fields of its sample payload, in order', () => {
      const fieldNames = (schema.json as { fields: { name: string }[] }).fields.map((field) => field.name);
      expect(fieldNames).toEqual(Object.keys(createSampleEventPayload(eventType)));
    });

    it('makes every nullable field ["null", T] with default null', () => {
      const fields = (schema.json as { fields: { name: string; type: unknown; default?: unknown }[] }).fields;
      for (const field of fields.filter((candidate) => Array.isArray(candidate.type))) {
        expect({ field: field.name, first: (field.type as unknown[])[0], default: field.default }).toEqual({
          field: field.name,
          first: 'null',
          default: null,
        });
      }
    });

    it('is found by its record name', () => {
      expect(avroSchemaOfRecordName(recordNameOf(eventType))).toBe(schema);
    });
  });

  it('finds no schema for unknown record names', () => {
    expect(avroSchemaOfRecordName('ecommerce.catalog.NoSuchEvent')).toBeUndefined();
    expect(avroSchemaOfRecordName('ecommerce.inventory.ProductCreated')).toBeUndefined();
  });

  it('caches the parsed schema', () => {
    expect(avroSchemaOf('ProductCreated')).toBe(avroSchemaOf('ProductCreated'));
  });
});
