import { Kafka, logLevel } from './kafkajs';
import { range, text, uniqueName, waitFor } from '../contract-helpers';
import { createKafkaLog, createKafkaLogCreator } from './kafka';
import type { Batch, Log, Producer } from '../port';

const brokers = process.env.KAFKA_BROKERS;
const describeWithKafka = brokers ? describe : describe.skip;
if (!brokers) console.warn('skipped: set KAFKA_BROKERS to run');

/**
 * A Kafka log whose kafkajs consumers report their OffsetCommit requests (`commits`) and, in
 * order, each partition's commit and the end of each batch (`happened`: told once the handler
 * returned, before kafkajs's own commit).
 */
function commitsRecordingLog(): { log: Log; commits: Array<Array<{ partition: number | string; offset: string }>>; happened: string[] } {
  const kafka = new Kafka({ clientId: 'commits-test', brokers: (brokers ?? '').split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator() });
  const commits: Array<Array<{ partition: number | string; offset: string }>> = [];
  const happened: string[] = [];
  const consumerOf = kafka.consumer.bind(kafka);
  kafka.consumer = (config) => {
    const consumer = consumerOf(config);
    consumer.on(consumer.events.COMMIT_OFFSETS, (event) => {
      const partitions = event.payload.topics.flatMap((topic: { partitions: Array<{ partition: number | string; offset: string }> }) => topic.partitions);
      commits.push(partitions);
      for (const { partition, offset } of partitions) happened.push(`commit ${partition} at ${offset}`);
    });
    consumer.on(consumer.events.END_BATCH_PROCESS, (event) => void happened.push(`end ${event.payload.partition}`));
    return consumer;
  };
  return { log: createKafkaLog(kafka, { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 }), commits, happened };
}

/** A topic of two partitions with two messages in each (offsets 0 and 1). */
async function twoMessagesInEachOfTwoPartitions(log: Log, producer: Producer, topic: string): Promise<void> {
  await log.ensureTopics([{ topic, partitions: 2 }]);
  await producer.send([0, 1].flatMap((partition) => ['a', 'b'].map((value) => ({ topic, key: null, partition, value: text(value) }))));
}

describeWithKafka('kafka consumer offset commits', () => {
  it('commits the batches of a fetch that end together in one OffsetCommit, each batch ending once its offset is committed', async () => {
    const { log, commits, happened } = commitsRecordingLog();
    const topic = uniqueName('commits');
    const groupId = uniqueName('group');
    try {
      await log.ensureTopics([{ topic, partitions: 4 }]);
      // Every partition holds messages before the consumer joins: its first fetch hands over a batch of each.
      const producer = log.createProducer();
      await producer.send([0, 1, 2, 3].flatMap((partition) => [{ topic, key: null, partition, value: text(`a${partition}`) }, { topic, key: null, partition, value: text(`b${partition}`) }]));
      await producer.close();
      // The batches wait for each other (5 s at most), then end in the same turn, as a projection's gathered apply ends them.
      const waiting: Array<() => void> = [];
      const ended: Batch[] = [];
      const consumer = log.createConsumer({
        groupId,
        topics: [topic],
        partitionsAtOnce: 4,
        eachBatch: async (batch) => {
          await new Promise<void>((resolve) => {
            waiting.push(resolve);
            if (waiting.length === 4) for (const release of waiting.splice(0)) release();
            else setTimeout(resolve, 5000);
          });
          ended.push(batch);
        },
      });
      await consumer.start();
      try {
        await waitFor('every partition committed at its end', async () => (await log.committedOffsets(groupId, topic)).every((offset) => offset === 2), 30_000);
      } finally {
        await consumer.stop();
      }
      expect(ended.map((batch) => batch.partition).sort()).toEqual([0, 1, 2, 3]);
      // kafkajs made a request per batch, each with every offset resolved so far: four, for one fetch.
      expect(commits.length).toBeLessThanOrEqual(2);
      expect(new Set(commits.flat().map(({ partition }) => Number(partition)))).toEqual(new Set([0, 1, 2, 3]));
      // each batch ended only once a commit of its offset was done
      for (const partition of [0, 1, 2, 3]) {
        expect(happened.indexOf(`commit ${partition} at 2`)).toBeGreaterThanOrEqual(0);
        expect(happened.indexOf(`commit ${partition} at 2`)).toBeLessThan(happened.indexOf(`end ${partition}`));
      }
    } finally {
      await log.close();
    }
  }, 60_000);

  it('with a commit interval, commits at most once an interval while batches go on, and the last offset once the partition goes quiet', async () => {
    const { log, commits } = commitsRecordingLog();
    const topic = uniqueName('commit-interval');
    const groupId = uniqueName('group');
    const producer = log.createProducer();
    try {
      await log.ensureTopics([{ topic, partitions: 1 }]);
      let handled = 0;
      // A message a chunk, a chunk every 50 ms or so for over two intervals.
      const consumer = log.createConsumer({
        groupId, topics: [topic], maxBatchSize: 1, commitIntervalMs: 1000,
        eachBatch: async (batch) => {
          handled += batch.messages.length;
          await new Promise((resolve) => setTimeout(resolve, 50));
        },
      });
      await consumer.start();
      try {
        await producer.send(range(50).map((index) => ({ topic, key: null, partition: 0, value: text(`m${index}`) })));
        await waitFor('every message handled', () => handled === 50, 30_000);
        await waitFor('the last offset committed, with no batch after it', async () => (await log.committedOffsets(groupId, topic))[0] === 50, 10_000);
      } finally {
        await consumer.stop();
      }
      // Each batch committing would have made 50 requests; one an interval over the 2.5 s or more is four at most.
      expect(commits.length).toBeGreaterThanOrEqual(1);
      expect(commits.length).toBeLessThanOrEqual(5);
      expect(commits.at(-1)?.map(({ partition, offset }) => [Number(partition), offset])).toEqual([[0, '50']]);
    } finally {
      await producer.close();
      await log.close();
    }
  }, 60_000);

  it('with a commit interval, commits what it handled as a rebalance begins, so that no message is handled twice', async () => {
    const { log, commits } = commitsRecordingLog();
    const topic = uniqueName('commit-at-rebalance');
    const groupId = uniqueName('group');
    const producer = log.createProducer();
    const handled: string[] = [];
    const member = () => log.createConsumer({ groupId, topics: [topic], commitIntervalMs: 15_000, eachBatch: async (batch) => void handled.push(...batch.messages.map((message) => `${message.partition}@${message.offset}`)) });
    try {
      await twoMessagesInEachOfTwoPartitions(log, producer, topic);
      const first = member();
      await first.start();
      const second = member();
      try {
        await waitFor('every message handled by the first member', () => handled.length === 4, 30_000);
        expect(commits).toEqual([]);
        // The second member's join is a rebalance: the first commits what it handled before it rejoins.
        await second.start();
        await waitFor('the handled offsets committed', async () => (await log.committedOffsets(groupId, topic)).every((offset) => offset === 2), 10_000);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      } finally {
        await second.stop();
        await first.stop();
      }
      expect(handled.sort()).toEqual(['0@0', '0@1', '1@0', '1@1']);
    } finally {
      await producer.close();
      await log.close();
    }
  }, 60_000);

  it('with a commit interval, commits what it handled when it stops, before the interval has passed', async () => {
    const { log, commits } = commitsRecordingLog();
    const topic = uniqueName('commit-at-stop');
    const groupId = uniqueName('group');
    const producer = log.createProducer();
    try {
      await twoMessagesInEachOfTwoPartitions(log, producer, topic);
      let handled = 0;
      const consumer = log.createConsumer({ groupId, topics: [topic], commitIntervalMs: 15_000, eachBatch: async (batch) => void (handled += batch.messages.length) });
      await consumer.start();
      try {
        await waitFor('every message handled', () => handled === 4, 30_000);
        expect(commits).toEqual([]);
      } finally {
        await consumer.stop();
      }
      expect(await log.committedOffsets(groupId, topic)).toEqual([2, 2]);
    } finally {
      await producer.close();
      await log.close();
    }
  }, 60_000);
});
