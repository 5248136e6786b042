import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { avroSchemaOf, avroSchemaOfRecordName, createSampleEventPayload, eventContexts, eventTopic, recordNameOf } from '@ecommerce/schemas';
import type { EventType } from '@ecommerce/schemas';
import { ValidationError } from '../errors';
import { createAvroSerde } from './avro-serde';
import { createEmbeddedSchemaRegistry } from './embedded-registry';
import type { EmbeddedSchemaRegistry } from './embedded-registry';
import { UndecodableMessageError } from './port';
import type { SchemaRegistry } from './port';

const directory = mkdtempSync(join(tmpdir(), 'avro-serde-'));
const opened: Database.Database[] = [];
afterAll(() => {
  for (const db of opened) db.close();
  rmSync(directory, { recursive: true, force: true });
});

const createTestRegistry = (): EmbeddedSchemaRegistry => {
  const db = new Database(join(directory, `${opened.length}.sqlite`));
  opened.push(db);
  return createEmbeddedSchemaRegistry(db);
};
const currentSchemas = { resolveSchema: (recordName: string) => avroSchemaOfRecordName(recordName)?.text };

/** Counts calls, to prove the serde caches ids and writer schemas. */
const countingRegistry = (inner: SchemaRegistry) => {
  const calls = { register: 0, getSchema: 0 };
  const registry: SchemaRegistry = {
    ...inner,
    register: (subject, schema) => ((calls.register += 1), inner.register(subject, schema)),
    getSchema: (id) => ((calls.getSchema += 1), inner.getSchema(id)),
  };
  return { registry, calls };
};

/** ProductCreated as it was before `listedBy` existed. */
const productCreatedWithoutListedBy = () => {
  const schema = JSON.parse(avroSchemaOf('ProductCreated').text) as { fields: { name: string }[] };
  return JSON.stringify({ ...schema, fields: schema.fields.filter((field) => field.name !== 'listedBy') });
};

describe('Avro serde', () => {
  let registry: EmbeddedSchemaRegistry;
  beforeEach(() => {
    registry = createTestRegistry();
  });

  it.each(Object.keys(eventContexts) as EventType[])('encodes and decodes %s in the Confluent wire format', async (eventType) => {
    const serde = createAvroSerde(registry, currentSchemas);
    const sample = createSampleEventPayload(eventType) as unknown as Record<string, unknown>;
    const encoded = await serde.encode(eventTopic(eventType), recordNameOf(eventType), sample);

    const subject = `${eventTopic(eventType)}-${recordNameOf(eventType)}`;
    const schemaId = await registry.register(subject, avroSchemaOf(eventType).text);
    expect(encoded[0]).toBe(0);
    expect(encoded.readInt32BE(1)).toBe(schemaId);
    expect(encoded.subarray(5).equals(avroSchemaOf(eventType).type.toBuffer(sample))).toBe(true);
    expect(await registry.subjects()).toEqual([subject]);

    const decoded = await createAvroSerde(registry, currentSchemas).decode(encoded);
    expect(decoded).toStrictEqual({ recordName: recordNameOf(eventType), schemaId, data: sample });
  });

  it('encodes a body larger than its working buffer, and each message keeps its own bytes', async () => {
    const serde = createAvroSerde(registry, currentSchemas);
    const topic = eventTopic('ProductCreated');
    const recordName = recordNameOf('ProductCreated');
    const large = { ...createSampleEventPayload('ProductCreated'), description: 'x'.repeat(300_000) } as unknown as Record<string, unknown>;
    const small = createSampleEventPayload('ProductCreated') as unknown as Record<string, unknown>;
    const first = await serde.encode(topic, recordName, small);
    const firstCopy = Buffer.from(first);
    const big = await serde.encode(topic, recordName, large);
    const after = await serde.encode(topic, recordName, { ...small, name: 'Another mug' });

    expect(big.subarray(5).equals(avroSchemaOf('ProductCreated').type.toBuffer(large))).toBe(true);
    expect(after.subarray(5).equals(avroSchemaOf('ProductCreated').type.toBuffer({ ...small, name: 'Another mug' }))).toBe(true);
    expect(first.equals(firstCopy)).toBe(true);
    expect((await serde.decode(big)).data).toStrictEqual(large);
    expect((await serde.decode(first)).data).toStrictEqual(small);
  });

  it('registers once per subject and fetches each writer schema once', async () => {
    const { registry: counted, calls } = countingRegistry(registry);
    const serde = createAvroSerde(counted, currentSchemas);
    const sample = createSampleEventPayload('StockRestocked') as unknown as Record<string, unknown>;
    const encoded = await Promise.all([1, 2, 3].map(() => serde.encode('ecommerce.inventory.events', recordNameOf('StockRestocked'), sample)));
    await serde.encode('other.topic', recordNameOf('StockRestocked'), sample);
    expect(calls.register).toBe(2);
    for (const message of encoded) await serde.decode(message);
    expect(calls.getSchema).toBe(1);
  });

  it('decodes a message written with an older schema through the current one', async () => {
    const topic = eventTopic('ProductCreated');
    const recordName = recordNameOf('ProductCreated');
    const oldProducer = createAvroSerde(registry, { resolveSchema: () => productCreatedWithoutListedBy() });
    const { listedBy: _absent, ...oldPayload } = createSampleEventPayload('ProductCreated');
    const oldMessage = await oldProducer.encode(topic, recordName, oldPayload);

    const currentConsumer = createAvroSerde(registry, currentSchemas);
    const decoded = await currentConsumer.decode(oldMessage);
    expect(decoded.data).toStrictEqual({ ...oldPayload, listedBy: null });

    // and the other way: an old consumer reads what current code writes, without the new field
    const newMessage = await currentConsumer.encode(topic, recordName, createSampleEventPayload('ProductCreated', { listedBy: 'user-7' }) as unknown as Record<string, unknown>);
    expect(newMessage.readInt32BE(1)).not.toBe(oldMessage.readInt32BE(1));
    expect((await oldProducer.decode(newMessage)).data).toStrictEqual(oldPayload);
  });

  it('decodes record names it has no schema for with the writer schema', async () => {
    const schemaText = JSON.stringify({ type: 'record', name: 'ecommerce.elsewhere.Thing', fields: [{ name: 'n', type: 'int' }] });
    const producer = createAvroSerde(registry, { resolveSchema: () => schemaText });
    const message = await producer.encode('ecommerce.elsewhere.events', 'ecommerce.elsewhere.Thing', { n: 3 });
    const decoded = await createAvroSerde(registry, currentSchemas).decode(message);
    expect(decoded).toMatchObject({ recordName: 'ecommerce.elsewhere.Thing', data: { n: 3 } });
  });

  it('hands out plain data, whose prototype a field named __proto__ does not reach', async () => {
    const schemaText = JSON.stringify({
      type: 'record', name: 'ecommerce.elsewhere.Odd',
      fields: [
        { name: '__proto__', type: { type: 'record', name: 'Inner', fields: [{ name: 'polluted', type: 'boolean' }] } },
        { name: 'items', type: { type: 'array', items: 'Inner' } },
      ],
    });
    const producer = createAvroSerde(registry, { resolveSchema: () => schemaText });
    const data = { ['__proto__']: { polluted: true }, items: [{ polluted: false }] };
    const message = await producer.encode('ecommerce.elsewhere.events', 'ecommerce.elsewhere.Odd', JSON.parse(JSON.stringify({ items: data.items, ['__proto__']: data.__proto__ })) as Record<string, unknown>);
    const decoded = (await createAvroSerde(registry, currentSchemas).decode(message)).data;
    expect(Object.getPrototypeOf(decoded)).toBe(Object.prototype);
    expect(Object.keys(decoded)).toEqual(['items']);
    expect((decoded as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.getPrototypeOf((decoded.items as unknown[])[0])).toBe(Object.prototype);
  });

  describe('refuses to encode', () => {
    it('data that does not match the schema, naming the field', async () => {
      const serde = createAvroSerde(registry, currentSchemas);
      const sample = createSampleEventPayload('ProductPriceChanged');
      const bad = { ...sample, price: { amount: 1.5, currency: 'EUR', cents: 150 }, extra: 1 };
      const attempt = serde.encode('ecommerce.catalog.events', recordNameOf('ProductPriceChanged'), bad);
      await expect(attempt).rejects.toThrow(ValidationError);
      const error = (await attempt.catch((caught: unknown) => caught)) as ValidationError;
      expect(error.issues.map((issue) => issue.field).sort()).toEqual(['extra', 'price.amount', 'price.cents']);
    });

    it('a record name without a schema', async () => {
      const serde = createAvroSerde(registry, currentSchemas);
      await expect(serde.encode('t', 'ecommerce.catalog.Unknown', {})).rejects.toThrow(ValidationError);
    });
  });

  describe('says UndecodableMessageError, never crashes, for', () => {
    let valid: Buffer;
    const serdeOf = () => createAvroSerde(registry, currentSchemas);
    beforeEach(async () => {
      valid = await serdeOf().encode(eventTopic('ProductCreated'), recordNameOf('ProductCreated'), createSampleEventPayload('ProductCreated') as unknown as Record<string, unknown>);
    });

    it.each([
      ['garbage', () => Buffer.from('definitely not avro at all')],
      ['an empty buffer', () => Buffer.alloc(0)],
      ['a header only', () => valid.subarray(0, 5)],
      ['a truncated body', () => valid.subarray(0, valid.length - 3)],
      ['trailing bytes', () => Buffer.concat([valid, Buffer.from([1, 2, 3])])],
      ['an unknown schema id', () => Buffer.concat([Buffer.from([0, 0, 0, 0x30, 0x39]), valid.subarray(5)])],
      ['random bytes after a valid header', () => Buffer.concat([valid.subarray(0, 5), Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])])],
    ])('%s', async (_name, input) => {
      await expect(serdeOf().decode(input())).rejects.toThrow(UndecodableMessageError);
    });

    it('a writer schema the current one cannot read', async () => {
      const incompatible = JSON.stringify({ type: 'record', name: recordNameOf('SkuClaimed'), fields: [{ name: 'sku', type: 'int' }] });
      const producer = createAvroSerde(registry, { resolveSchema: () => incompatible });
      const message = await producer.encode('elsewhere', recordNameOf('SkuClaimed'), { sku: 1 });
      await expect(serdeOf().decode(message)).rejects.toThrow(/cannot be read as the current ecommerce.catalog.SkuClaimed/);
    });
  });

  it('lets a registry outage through as is, so consumers retry instead of dead-lettering', async () => {
    const message = await createAvroSerde(registry, currentSchemas).encode('t', recordNameOf('SkuClaimed'), createSampleEventPayload('SkuClaimed') as unknown as Record<string, unknown>);
    const down: SchemaRegistry = { ...registry, getSchema: async () => Promise.reject(new Error('connect ECONNREFUSED')) };
    const attempt = createAvroSerde(down, currentSchemas).decode(message);
    await expect(attempt).rejects.toThrow('ECONNREFUSED');
    await expect(attempt).rejects.not.toThrow(UndecodableMessageError);
  });
});
