import { SchemaRegistry as ConfluentClient } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from '../../log/kafka/kafkajs';
import { createKafkaLog, createKafkaLogCreator } from '../../log/kafka';
import type { Log } from '../../log/port';
import { createConfluentSchemaRegistry } from '../confluent-registry';
import { schemaRegistryContract } from '../contract';
import { avroRecord, call, createTestLogFiles, startRegistryOn } from './registry-server.fixture';
import type { RunningRegistry } from './registry-server.fixture';

const files = createTestLogFiles();
let shared: RunningRegistry;
beforeAll(async () => {
  shared = await startRegistryOn(files.open('contract.db'));
});
afterAll(async () => {
  await shared.stop();
  await files.cleanup();
});

// The real Confluent client against our server.
schemaRegistryContract('registry server through the Confluent client', async () =>
  createConfluentSchemaRegistry(new ConfluentClient({ host: shared.url })));

let schemaCounter = 0;
/** A schema no other test registered, so its id is new. */
const freshSchema = () => avroRecord(`Fresh${(schemaCounter += 1)}_${Date.now()}`, [{ name: 'id', type: 'string' }]);

/** The agreement scenarios, for any pair of instances on one log. */
const agreementSuite = (name: string, openLogs: () => Promise<[Log, Log]>, describeIf: jest.Describe = describe) => {
  describeIf(`several instances on one log: ${name}`, () => {
    let first: RunningRegistry;
    let second: RunningRegistry;
    beforeEach(async () => {
      const [a, b] = await openLogs();
      first = await startRegistryOn(a);
      second = await startRegistryOn(b);
    });
    afterEach(async () => {
      await first?.stop();
      await second?.stop();
      await Promise.all([first?.log.close(), second?.log.close()]);
    });

    it('gives the same id and version to the same schema registered concurrently on both', async () => {
      const schema = freshSchema();
      const subject = `race-same-${Date.now()}`;
      const answers = await Promise.all([
        call(first.url, 'POST', `/subjects/${subject}/versions`, { schema }),
        call(second.url, 'POST', `/subjects/${subject}/versions`, { schema }),
        call(second.url, 'POST', `/subjects/${subject}-other/versions`, { schema }),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const ids = new Set(answers.map((answer) => answer.body.id));
      expect(ids.size).toBe(1);
      for (const instance of [first, second]) {
        expect((await call(instance.url, 'GET', `/subjects/${subject}/versions`)).body).toEqual([1]);
      }
    });

    it('gives different schemas racing for the same version and id distinct ids, the same on both instances', async () => {
      const subject = `race-diff-${Date.now()}`;
      await call(first.url, 'PUT', `/config/${subject}`, { compatibility: 'NONE' });
      const [a, b] = [freshSchema(), freshSchema()];
      const [onFirst, onSecond] = await Promise.all([
        call(first.url, 'POST', `/subjects/${subject}/versions`, { schema: a }),
        call(second.url, 'POST', `/subjects/${subject}/versions`, { schema: b }),
      ]);
      expect(onFirst.status).toBe(200);
      expect(onSecond.status).toBe(200);
      expect(onFirst.body.id).not.toBe(onSecond.body.id);
      for (const instance of [first, second]) {
        expect((await call(instance.url, 'GET', `/subjects/${subject}/versions`)).body).toEqual([1, 2]);
        expect(JSON.parse((await call(instance.url, 'GET', `/schemas/ids/${String(onFirst.body.id)}`)).body.schema as string).name).toBe(`ecommerce.test.${String(JSON.parse(a).name)}`);
        expect(JSON.parse((await call(instance.url, 'GET', `/schemas/ids/${String(onSecond.body.id)}`)).body.schema as string).name).toBe(`ecommerce.test.${String(JSON.parse(b).name)}`);
      }
      const [v1First, v1Second] = await Promise.all([first, second].map((instance) => call(instance.url, 'GET', `/subjects/${subject}/versions/1`)));
      expect(v1First?.body).toEqual(v1Second?.body);
    });

    it('serves on one instance what was registered on the other a moment ago', async () => {
      const subject = `read-after-write-${Date.now()}`;
      const { body } = await call(first.url, 'POST', `/subjects/${subject}/versions`, { schema: freshSchema() });
      expect((await call(second.url, 'GET', `/schemas/ids/${String(body.id)}`)).status).toBe(200);
      expect((await call(second.url, 'GET', `/subjects/${subject}/versions/latest`)).body).toMatchObject({ subject, version: 1, id: body.id });
    });
  });
};

agreementSuite('embedded log, two connections to one file', async () => [files.open('pair.db'), files.open('pair.db')]);

const brokers = process.env.KAFKA_BROKERS;
if (!brokers) console.warn('skipped: set KAFKA_BROKERS to run the two-instance test on Kafka');
const connectKafka = () =>
  createKafkaLog(new Kafka({ clientId: 'registry-server-test', brokers: (brokers ?? '').split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator() }), {
    sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000, maxWaitTimeMs: 100,
  });
agreementSuite('Kafka', async () => [connectKafka(), connectKafka()], brokers ? describe : describe.skip);

describe('restart', () => {
  it('loses nothing: a new instance on the same log file serves every id, version, deletion and config', async () => {
    const before = await startRegistryOn(files.open('restart.db'));
    const subject = 'restart-subject';
    await call(before.url, 'PUT', '/config', { compatibility: 'BACKWARD' });
    await call(before.url, 'PUT', `/config/${subject}`, { compatibility: 'NONE' });
    const schemas = [freshSchema(), freshSchema(), freshSchema()];
    const ids: unknown[] = [];
    for (const schema of schemas) ids.push((await call(before.url, 'POST', `/subjects/${subject}/versions`, { schema })).body.id);
    expect((await call(before.url, 'DELETE', `/subjects/${subject}/versions/2`)).body).toBe(2);
    const snapshot = async (url: string) => ({
      subjects: (await call(url, 'GET', '/subjects?deleted=true')).body,
      live: (await call(url, 'GET', `/subjects/${subject}/versions`)).body,
      all: (await call(url, 'GET', `/subjects/${subject}/versions?deleted=true`)).body,
      schemas: await Promise.all(ids.map(async (id) => (await call(url, 'GET', `/schemas/ids/${String(id)}`)).body)),
      config: (await call(url, 'GET', `/config/${subject}`)).body,
      global: (await call(url, 'GET', '/config')).body,
    });
    const expected = await snapshot(before.url);
    expect(expected).toMatchObject({ live: [1, 3], all: [1, 2, 3], config: { compatibilityLevel: 'NONE' }, global: { compatibilityLevel: 'BACKWARD' } });
    await before.stop();
    await before.log.close();

    const after = await startRegistryOn(files.open('restart.db'));
    expect(await snapshot(after.url)).toEqual(expected);
    // A new schema after the restart gets a new id, never one already given.
    const { body } = await call(after.url, 'POST', `/subjects/${subject}/versions`, { schema: freshSchema() });
    expect(ids).not.toContain(body.id);
    expect((await call(after.url, 'GET', `/subjects/${subject}/versions/latest`)).body).toMatchObject({ version: 4, id: body.id });
    await after.stop();
  });
});
