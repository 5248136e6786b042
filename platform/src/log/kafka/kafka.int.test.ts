import { Kafka, logLevel } from './kafkajs';
import { logContract } from '../contract';
import { range, text, uniqueName, waitFor } from '../contract-helpers';
import { createKafkaLog, createKafkaLogCreator } from './kafka';
import { partitionFor } from '../murmur2';
import type { Log, LogMessage } from '../port';

const brokers = process.env.KAFKA_BROKERS;
const describeWithKafka = brokers ? describe : describe.skip;
if (!brokers) console.warn('skipped: set KAFKA_BROKERS to run');

const createClient = () =>
  new Kafka({
    clientId: 'log-contract',
    brokers: (brokers ?? '').split(','),
    logLevel: logLevel.WARN,
    logCreator: createKafkaLogCreator(),
  });

/** A client whose producers (or admin) record the name of every request they send. */
function createCountingClient(kind: 'producer' | 'admin') {
  const client = createClient();
  const requests: string[] = [];
  const record = ({ payload }: { payload: { apiName: string } }) => void requests.push(payload.apiName);
  if (kind === 'producer') {
    const producerOf = client.producer.bind(client);
    client.producer = (config) => {
      const producer = producerOf(config);
      producer.on(producer.events.REQUEST, record);
      return producer;
    };
  } else {
    const adminOf = client.admin.bind(client);
    client.admin = (config) => {
      const admin = adminOf(config);
      admin.on(admin.events.REQUEST, record);
      return admin;
    };
  }
  return { client, requests };
}

// Short sessions and fetch waits keep the suite fast; production defaults are longer.
const fastTimings = { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000, maxWaitTimeMs: 100 };

describeWithKafka('kafka log adapter', () => {
  logContract('kafka (kafkajs)', async () => {
    const log = createKafkaLog(createClient(), fastTimings);
    return { log, cleanup: () => log.close() };
  });

  describe('kafka specifics', () => {
    let log: Log;
    beforeAll(() => {
      log = createKafkaLog(createClient(), fastTimings);
    });
    afterAll(() => log.close());

    it('lands every record of key K in partitionFor(K, n), as a consumer sees it', async () => {
      const topic = uniqueName('topic');
      await log.ensureTopics([{ topic, partitions: 5 }]);
      const keys = range(25).map((index) => `order-${index}`);
      const producer = log.createProducer();
      await producer.send(keys.map((key) => ({ topic, key, value: text(key) })));
      const seen: LogMessage[] = [];
      const consumer = log.createConsumer({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => void seen.push(...batch.messages) });
      await consumer.start();
      try {
        await waitFor('all records', () => seen.length >= keys.length);
      } finally {
        await consumer.stop();
        await producer.close();
      }
      for (const message of seen) expect(message.partition).toBe(partitionFor(message.key ?? '', 5));
    }, 60_000);

    it('keeps its partitions while a handler runs longer than the session timeout: nothing revoked, nothing delivered twice', async () => {
      const topic = uniqueName('topic');
      await log.ensureTopics([{ topic, partitions: 1 }]);
      const producer = log.createProducer();
      await producer.send(range(3).map((index) => ({ topic, key: 'k', value: text(`m${index}`) })));
      await producer.close();
      const deliveries = new Map<string, number>();
      const revoked: number[] = [];
      let stalled = false;
      const consumer = log.createConsumer({
        groupId: uniqueName('group'),
        topics: [topic],
        maxBatchSize: 1,
        onPartitionsRevoked: (partitions) => void revoked.push(...partitions.map((tp) => tp.partition)),
        eachBatch: async (batch) => {
          for (const message of batch.messages) deliveries.set(message.value?.toString() ?? '', (deliveries.get(message.value?.toString() ?? '') ?? 0) + 1);
          if (stalled) return;
          stalled = true;
          // a read store that hangs half as long again as the session lasts
          await new Promise((resolve) => setTimeout(resolve, fastTimings.sessionTimeoutMs * 1.5));
        },
      });
      await consumer.start();
      let revokedWhileRunning: number[] | undefined;
      try {
        await waitFor('every message', () => deliveries.size === 3, 30_000);
        // an evicted member would find out at its next commit, rejoin and get m0 again
        await new Promise((resolve) => setTimeout(resolve, 3000));
        revokedWhileRunning = [...revoked];
      } finally {
        await consumer.stop();
      }
      expect(Object.fromEntries(deliveries)).toEqual({ m0: 1, m1: 1, m2: 1 });
      expect(revokedWhileRunning).toEqual([]);
    }, 60_000);

    it('a member holding its next fetch back for a long batch window hands its partitions over in a rebalance, and stops, without waiting for the window', async () => {
      const windowMs = 12_000;
      const topic = uniqueName('topic');
      const groupId = uniqueName('group');
      await log.ensureTopics([{ topic, partitions: 2 }]);
      const producer = log.createProducer();
      const handledBy = { first: [] as string[], second: [] as string[] };
      const member = (name: keyof typeof handledBy, batchWindowMs?: number) =>
        log.createConsumer({ groupId, topics: [topic], batchWindowMs, eachBatch: async (batch) => void handledBy[name].push(...batch.messages.map((message) => message.value?.toString() ?? '')) });
      const first = member('first', windowMs);
      const second = member('second');
      try {
        await first.start();
        await producer.send([{ topic, partition: 0, key: null, value: text('before') }]);
        await waitFor('the first message', () => handledBy.first.length === 1);
        // The first member now holds its next fetch back for the window; the group rebalances as the second joins.
        const joining = Date.now();
        await second.start();
        expect(Date.now() - joining).toBeLessThan(windowMs / 2);
        await producer.send(range(2).map((partition) => ({ topic, partition, key: null, value: text(`after-${partition}`) })));
        await waitFor('both messages after the rebalance', () => [...handledBy.first, ...handledBy.second].filter((value) => value.startsWith('after-')).length === 2);
        const stopping = Date.now();
        await first.stop();
        expect(Date.now() - stopping).toBeLessThan(windowMs / 2);
      } finally {
        await Promise.all([first.stop(), second.stop(), producer.close()]);
      }
    }, 60_000);

    it('skips commit markers and aborted records when reading, and ends at the high watermark', async () => {
      const topic = uniqueName('topic');
      await log.ensureTopics([{ topic, partitions: 1 }]);
      const producer = log.createProducer({ transactionalId: uniqueName('tx') });
      try {
        await producer.transaction((tx) => tx.send([{ topic, key: 'k', value: text('a') }]));
        await expect(producer.transaction(async (tx) => {
          await tx.send([{ topic, key: 'k', value: text('aborted') }]);
          throw new Error('abort');
        })).rejects.toThrow('abort');
        await producer.transaction((tx) => tx.send([{ topic, key: 'k', value: text('b') }]));
      } finally {
        await producer.close();
      }
      // a, marker, aborted, marker, b, marker. The coordinator answers a commit before it writes the
      // markers, and until the last one is written the end is the last stable offset (4).
      const deadline = Date.now() + 10_000;
      while ((await log.endOffsets(topic))[0] !== 6 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await log.endOffsets(topic)).toEqual([6]);
      const all = await log.read(topic, 0, 0, 100);
      expect(all.map((message) => [message.offset, message.value?.toString()])).toEqual([[0, 'a'], [4, 'b']]);
      expect((await log.read(topic, 0, 1, 100)).map((message) => message.offset)).toEqual([4]);
      expect(await log.read(topic, 0, 5, 100)).toEqual([]);
    }, 60_000);

    it('accepts concurrent sends on one idempotent producer (kafkajs issue 598) with contiguous offsets', async () => {
      const topic = uniqueName('topic');
      await log.ensureTopics([{ topic, partitions: 2 }]);
      const producer = log.createProducer();
      try {
        const results = await Promise.all(range(30).map((index) => producer.send([{ topic, key: 'same', value: text(`c${index}`) }])));
        const offsets = results.map(([entry]) => entry?.offset ?? -1).sort((a, b) => a - b);
        expect(offsets).toEqual(range(30));
      } finally {
        await producer.close();
      }
    }, 60_000);

    it('hides an open transaction from consumers until it commits (read_committed)', async () => {
      const topic = uniqueName('topic');
      await log.ensureTopics([{ topic, partitions: 1 }]);
      const producer = log.createProducer({ transactionalId: uniqueName('tx') });
      const plain = log.createProducer();
      const seen: string[] = [];
      const consumer = log.createConsumer({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => void seen.push(...batch.messages.map((m) => m.value?.toString() ?? '')) });
      await consumer.start();
      let release: () => void = () => undefined;
      const sent = new Promise<void>((resolve) => {
        void producer.transaction(async (tx) => {
          await tx.send([{ topic, key: 'k', value: text('in-transaction') }]);
          resolve();
          await new Promise<void>((done) => { release = done; });
        });
      });
      try {
        await sent;
        await plain.send([{ topic, key: 'k', value: text('after-open-transaction') }]);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(seen).toEqual([]);
        release();
        await waitFor('both records once the transaction committed', () => seen.length >= 2);
        expect(seen).toEqual(['in-transaction', 'after-open-transaction']);
      } finally {
        release();
        await consumer.stop();
        await Promise.all([producer.close(), plain.close()]);
      }
    }, 60_000);

    it('waits for the leaders of topics another process has just created before answering their offsets', async () => {
      const topics = range(30).map(() => uniqueName('topic'));
      const admin = createClient().admin();
      await admin.connect();
      try {
        // As a second process does at start-up: the topics exist, their leaders may not yet.
        await admin.createTopics({ waitForLeaders: false, topics: topics.map((topic) => ({ topic, numPartitions: 8 })) });
        const other = createKafkaLog(createClient(), fastTimings);
        try {
          await other.ensureTopics(topics.map((topic) => ({ topic, partitions: 8 })));
          for (const topic of topics) expect(await other.endOffsets(topic)).toEqual(range(8).map(() => 0));
        } finally {
          await other.close();
        }
      } finally {
        await admin.disconnect();
      }
    }, 60_000);

    it('asks for a transaction\'s coordinator once, not before every request of every transaction', async () => {
      const { client, requests } = createCountingClient('producer');
      const counted = createKafkaLog(client, fastTimings);
      const topic = uniqueName('topic');
      await counted.ensureTopics([{ topic, partitions: 2 }]);
      const producer = counted.createProducer({ transactionalId: uniqueName('tx') });
      const group = uniqueName('group');
      try {
        for (let index = 0; index < 10; index++) {
          await producer.transaction(async (tx) => {
            await tx.send([{ topic, key: `k${index}`, value: text(`m${index}`) }]);
            await tx.sendOffsets(group, [{ topic, partition: 0, offset: index + 1 }]);
          });
        }
      } finally {
        await producer.close();
        await counted.close();
      }
      // kafkajs alone asks 4 times a transaction (AddPartitionsToTxn, AddOffsetsToTxn, TxnOffsetCommit, EndTxn): 42 here.
      // Cached, 4 (a few more when the broker answers CONCURRENT_TRANSACTIONS, after which the coordinator is asked again).
      const findCoordinator = requests.filter((name) => name === 'GroupCoordinator');
      expect(findCoordinator.length).toBeLessThanOrEqual(20);
      expect(findCoordinator.length).toBeGreaterThanOrEqual(1);
      const seen: LogMessage[] = [];
      const consumer = log.createConsumer({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => void seen.push(...batch.messages) });
      await consumer.start();
      try {
        await waitFor('the ten committed records', () => seen.length >= 10);
      } finally {
        await consumer.stop();
      }
    }, 60_000);

    it('reads offsets without refreshing the metadata before every read', async () => {
      const { client, requests } = createCountingClient('admin');
      const counted = createKafkaLog(client, fastTimings);
      const topic = uniqueName('topic');
      try {
        await counted.ensureTopics([{ topic, partitions: 3 }]);
        requests.length = 0;
        for (let index = 0; index < 10; index++) {
          expect(await counted.endOffsets(topic)).toEqual([0, 0, 0]);
          expect(await counted.committedOffsets(uniqueName('group'), topic)).toEqual([null, null, null]);
        }
      } finally {
        await counted.close();
      }
      // kafkajs's admin has no metadata max age of its own: 20 reads asked for the metadata 20 times.
      expect(requests.filter((name) => name === 'Metadata').length).toBeLessThanOrEqual(3);
      expect(requests.filter((name) => name === 'OffsetFetch')).toHaveLength(10);
    }, 60_000);

    it('reads the end offsets of topics asked for together without the admin (two requests a topic there)', async () => {
      const { client, requests } = createCountingClient('admin');
      const counted = createKafkaLog(client, fastTimings);
      const [first, second] = [uniqueName('topic'), uniqueName('topic')];
      try {
        await counted.ensureTopics([{ topic: first, partitions: 3 }, { topic: second, partitions: 1 }]);
        await counted.createProducer().send([{ topic: second, key: 'k', value: text('v') }]);
        requests.length = 0;
        expect(await Promise.all([counted.endOffsets(first), counted.endOffsets(second)])).toEqual([[0, 0, 0], [1]]);
        expect(requests.filter((name) => name === 'ListOffsets')).toEqual([]);
        // one of them missing: each read alone through the admin, the missing one not found
        const [found, missing] = await Promise.allSettled([counted.endOffsets(first), counted.endOffsets(uniqueName('missing'))]);
        expect(found).toEqual({ status: 'fulfilled', value: [0, 0, 0] });
        expect(missing).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
        expect(requests.filter((name) => name === 'ListOffsets').length).toBeGreaterThan(0);
      } finally {
        await counted.close();
      }
    }, 60_000);

    it('reports a missing topic as not found and an unreachable cluster as unhealthy', async () => {
      await expect(log.partitionCount(uniqueName('missing'))).rejects.toMatchObject({ code: 'not_found' });
      const unreachable = createKafkaLog(
        new Kafka({ brokers: ['127.0.0.1:1'], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 200 }),
        { healthTimeoutMs: 2000 },
      );
      expect((await unreachable.health()).ok).toBe(false);
      await unreachable.close();
    }, 30_000);
  });
});
