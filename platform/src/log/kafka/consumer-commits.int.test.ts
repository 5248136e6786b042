import { Kafka, logLevel } from './kafkajs';
import { text, uniqueName, waitFor } from '../contract-helpers';
import { createKafkaLog, createKafkaLogCreator } from './kafka';
import type { Batch, Log } from '../port';

const brokers = process.env.KAFKA_BROKERS;
const describeWithKafka = brokers ? describe : describe.skip;
if (!brokers) console.warn('skipped: set KAFKA_BROKERS to run');

describeWithKafka('kafka consumer offset commits', () => {
  it('commits the batches of a fetch that end together in one OffsetCommit, each batch ending once its offset is committed', async () => {
    const kafka = new Kafka({ clientId: 'commits-test', brokers: (brokers ?? '').split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator() });
    // The OffsetCommit requests of the kafkajs consumers the adapter creates.
    const commits: Array<Array<{ partition: number | string; offset: string }>> = [];
    const consumerOf = kafka.consumer.bind(kafka);
    // What kafkajs did, in order: a commit of each partition's offset, and the end of each batch
    // (told once the handler returned, before kafkajs's own commit).
    const happened: string[] = [];
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
    const log: Log = createKafkaLog(kafka, { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 });
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
});
