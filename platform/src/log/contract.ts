import { registerConsumerContract } from './contract-consumers';
import { range, text, textOf, uniqueName } from './contract-helpers';
import type { LogContractContext } from './contract-helpers';
import { registerTransactionContract } from './contract-transactions';
import { partitionFor } from './murmur2';
import type { Consumer, Log, Producer } from './port';

export type { LogContractContext } from './contract-helpers';

export const CONTRACT_TEST_TIMEOUT_MS = 120_000;

/**
 * The contract of the log port, run against every adapter (DESIGN §4.10): the embedded
 * log on a temp file and Kafka on a real broker. Names are unique per test, waits poll.
 */
export function logContract(name: string, factory: () => Promise<{ log: Log; cleanup(): Promise<void> }>): void {
  describe(`log contract: ${name}`, () => {
    let subject: { log: Log; cleanup(): Promise<void> } | undefined;
    const consumers: Consumer[] = [];
    const producers: Producer[] = [];

    beforeAll(async () => {
      subject = await factory();
    }, CONTRACT_TEST_TIMEOUT_MS);
    afterEach(async () => {
      await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
      await Promise.all(producers.splice(0).map((producer) => producer.close()));
    }, CONTRACT_TEST_TIMEOUT_MS);
    afterAll(async () => {
      await subject?.cleanup();
    }, CONTRACT_TEST_TIMEOUT_MS);

    const context: LogContractContext = {
      log() {
        if (!subject) throw new Error('the log factory failed');
        return subject.log;
      },
      async newTopic(partitions, compacted = false) {
        const topic = uniqueName('topic');
        await context.log().ensureTopics([{ topic, partitions, compacted }]);
        return topic;
      },
      async consume(options) {
        const consumer = context.log().createConsumer(options);
        consumers.push(consumer);
        await consumer.start();
        return consumer;
      },
      async stop(consumer) {
        consumers.splice(consumers.indexOf(consumer), 1);
        await consumer.stop();
      },
      producer(options) {
        const producer = context.log().createProducer(options);
        producers.push(producer);
        return producer;
      },
    };

    registerTopicContract(context);
    registerConsumerContract(context);
    registerTransactionContract(context);
  });
}

function registerTopicContract(context: LogContractContext): void {
  const timeout = CONTRACT_TEST_TIMEOUT_MS;

  it('creates topics idempotently and leaves existing ones as they are', async () => {
    const log = context.log();
    const topic = await context.newTopic(3);
    await log.ensureTopics([{ topic, partitions: 3 }]);
    await log.ensureTopics([{ topic, partitions: 5 }]);
    expect(await log.partitionCount(topic)).toBe(3);
    expect(await log.endOffsets(topic)).toEqual([0, 0, 0]);
    expect(await log.committedOffsets(uniqueName('group'), topic)).toEqual([null, null, null]);
  }, timeout);

  it('answers the end offsets of several topics asked for at once, each its own, a missing one not found', async () => {
    const log = context.log();
    const [twoPartitions, onePartition] = [await context.newTopic(2), await context.newTopic(1)];
    await context.producer().send([
      { topic: twoPartitions, key: 'a', value: text('1') },
      { topic: twoPartitions, key: 'a', value: text('2') },
      { topic: onePartition, key: 'b', value: text('3') },
    ]);
    const [two, one, missing] = await Promise.allSettled([log.endOffsets(twoPartitions), log.endOffsets(onePartition), log.endOffsets(uniqueName('missing-topic'))]);
    const expected = [0, 0];
    expected[partitionFor('a', 2)] = 2;
    expect(two).toEqual({ status: 'fulfilled', value: expected });
    expect(one).toEqual({ status: 'fulfilled', value: [1] });
    expect(missing).toMatchObject({ status: 'rejected', reason: { code: 'not_found' } });
  }, timeout);

  it('puts a keyed record in partition murmur2(key) mod partitions', async () => {
    const topic = await context.newTopic(6);
    const keys = range(60).map((index) => `sku-${index}-${uniqueName('k')}`);
    const metadata = await context.producer().send(keys.map((key) => ({ topic, key, value: text(key) })));
    expect(metadata.map((entry) => entry.partition)).toEqual(keys.map((key) => partitionFor(key, 6)));
    for (const entry of metadata.slice(0, 10)) {
      const [message] = await context.log().read(topic, entry.partition, entry.offset, 1);
      expect(message?.key).toBe(keys[metadata.indexOf(entry)]);
    }
  }, timeout);

  it('assigns contiguous offsets per partition and reads from an offset', async () => {
    const topic = await context.newTopic(2);
    const producer = context.producer();
    const values = range(12).map((index) => `v${index}`);
    for (let start = 0; start < values.length; start += 4) {
      await producer.send(values.slice(start, start + 4).map((value) => ({ topic, key: 'same-key', value: text(value) })));
    }
    const partition = partitionFor('same-key', 2);
    const all = await context.log().read(topic, partition, 0, 100);
    expect(all.map(textOf)).toEqual(values);
    expect(all.map((message) => message.offset)).toEqual(range(12));
    expect((await context.log().read(topic, partition, 5, 3)).map((message) => message.offset)).toEqual([5, 6, 7]);
    expect((await context.log().endOffsets(topic))[partition]).toBe(12);
    expect((await context.log().endOffsets(topic))[1 - partition]).toBe(0);
  }, timeout);

  it('round-trips headers, null keys and null values', async () => {
    const topic = await context.newTopic(3);
    const before = Date.now();
    const [first, second] = await context.producer().send([
      { topic, key: null, value: null, headers: { 'correlation-id': 'c-1', type: 'Tombstone' } },
      { topic, key: 'k', value: Buffer.from([0, 1, 2, 255]), headers: {} },
    ]);
    expect(first && first.partition >= 0 && first.partition < 3).toBe(true);
    const [tombstone] = await context.log().read(topic, first?.partition ?? -1, first?.offset ?? -1, 1);
    expect(tombstone).toMatchObject({ topic, key: null, value: null, headers: { 'correlation-id': 'c-1', type: 'Tombstone' } });
    expect(tombstone?.timestamp).toBeGreaterThanOrEqual(before - 5_000);
    const [binary] = await context.log().read(topic, second?.partition ?? -1, second?.offset ?? -1, 1);
    expect(binary?.key).toBe('k');
    expect(binary?.value?.equals(Buffer.from([0, 1, 2, 255]))).toBe(true);
    expect(binary?.headers).toEqual({});
  }, timeout);

  it('reads a compacted topic', async () => {
    const topic = await context.newTopic(1, true);
    await context.producer().send([
      { topic, key: 'checkpoint', value: text('1') },
      { topic, key: 'checkpoint', value: text('2') },
    ]);
    const messages = await context.log().read(topic, 0, 0, 100);
    expect(messages.filter((message) => message.key === 'checkpoint').map(textOf).at(-1)).toBe('2');
  }, timeout);

  it('reports health', async () => {
    expect((await context.log().health()).ok).toBe(true);
  }, timeout);
}
