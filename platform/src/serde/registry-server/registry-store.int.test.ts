import type { Log, Producer } from '../../log/port';
import { canonicalAvroSchema } from '../embedded-registry';
import { IncompatibleSchemaError } from '../port';
import { SCHEMAS_TOPIC, fingerprintOf, schemaKey, serializeKey, serializeValue } from './records';
import { createLogRegistryStore } from './registry-store';
import { avroRecord, createTestLogFiles } from './registry-server.fixture';
import { versionsOf } from './state';

const files = createTestLogFiles();
afterAll(() => files.cleanup());

/** A log whose producers run `before` ahead of each send: another instance getting in first. */
const interposing = (log: Log, before: () => Promise<void>): Log => ({
  ...log,
  createProducer(options) {
    const producer = log.createProducer(options);
    const wrapped: Producer = { ...producer, send: async (records) => (await before(), producer.send(records)) };
    return wrapped;
  },
});

const mine = canonicalAvroSchema(avroRecord('Mine', [{ name: 'id', type: 'string' }]));
const theirs = canonicalAvroSchema(avroRecord('Theirs', [{ name: 'id', type: 'string' }]));

describe('log registry store', () => {
  it('re-derives its proposal after losing the version and id race, and erases the losing one', async () => {
    const log = files.open('race.db');
    const rival = log.createProducer();
    let interposed = false;
    const store = createLogRegistryStore(interposing(log, async () => {
      if (interposed) return;
      interposed = true;
      const key = schemaKey('orders', 1, fingerprintOf(theirs));
      await rival.send([{ topic: SCHEMAS_TOPIC, partition: 0, key: serializeKey(key), value: serializeValue({ subject: 'orders', version: 1, id: 1, schema: theirs, deleted: false }) }]);
    }), { defaultCompatibility: 'NONE' });
    await store.start();

    const entry = await store.register('orders', mine);
    expect(entry).toMatchObject({ subject: 'orders', version: 2, id: 2 });
    const records = (await log.read(SCHEMAS_TOPIC, 0, 0, 100)).map((message) => [JSON.parse(message.key ?? '{}').version, message.value === null ? 'tombstone' : JSON.parse(message.value.toString()).id]);
    // theirs v1 id1, my losing v1 id1, its tombstone, my v2 id2
    expect(records).toEqual([[1, 1], [1, 1], [1, 'tombstone'], [2, 2]]);

    const fresh = createLogRegistryStore(files.open('race.db'));
    await fresh.start();
    expect(versionsOf(fresh.state, 'orders').map((version) => [version.version, version.id, version.schema])).toEqual([[1, 1, theirs], [2, 2, mine]]);
    await Promise.all([store.stop(), fresh.stop(), rival.close()]);
  });

  it('checks compatibility against the versions that won, not the ones it saw first', async () => {
    const log = files.open('race-compat.db');
    const rival = log.createProducer();
    let interposed = false;
    const withNote = canonicalAvroSchema(avroRecord('Mine', [{ name: 'id', type: 'string' }, { name: 'note', type: 'string', default: '' }]));
    const intNote = canonicalAvroSchema(avroRecord('Mine', [{ name: 'id', type: 'string' }, { name: 'note', type: 'int', default: 0 }]));
    const store = createLogRegistryStore(interposing(log, async () => {
      if (interposed) return;
      interposed = true;
      const key = schemaKey('things', 1, fingerprintOf(withNote));
      await rival.send([{ topic: SCHEMAS_TOPIC, partition: 0, key: serializeKey(key), value: serializeValue({ subject: 'things', version: 1, id: 1, schema: withNote, deleted: false }) }]);
    }));
    await store.start();
    await expect(store.register('things', intNote)).rejects.toThrow(IncompatibleSchemaError);
    expect(versionsOf(store.state, 'things').map((version) => version.schema)).toEqual([withNote]);
    await Promise.all([store.stop(), rival.close()]);
  });

  it('refuses an invalid schema before writing anything', async () => {
    const log = files.open('invalid.db');
    const store = createLogRegistryStore(log);
    await store.start();
    await expect(store.register('s', '{"type":"record","name":"X"}')).rejects.toThrow(/invalid Avro schema/);
    expect(await log.endOffsets(SCHEMAS_TOPIC)).toEqual([0]);
    await store.stop();
  });
});
