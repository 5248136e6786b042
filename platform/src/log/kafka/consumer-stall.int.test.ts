import { Kafka, logLevel } from './kafkajs';
import type { Consumer as KafkaConsumer } from 'kafkajs';
import { text, uniqueName, waitFor } from '../contract-helpers';
import { createKafkaLog, createKafkaLogCreator } from './kafka';
import type { Log } from '../port';

const brokers = process.env.KAFKA_BROKERS;
const describeWithKafka = brokers ? describe : describe.skip;
if (!brokers) console.warn('skipped: set KAFKA_BROKERS to run');

describeWithKafka('kafka consumer holding a partition it never fetches', () => {
  it('relaunches itself once the partition is behind and quiet for stallAfterMs, and the messages are handled', async () => {
    const kafka = new Kafka({ clientId: 'stall-test', brokers: (brokers ?? '').split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator() });
    // The kafkajs consumers the adapter creates, so the test can do behind its back what kafkajs
    // was seen to do after a broker restart: keep the partition and never fetch it.
    const created: KafkaConsumer[] = [];
    const consumerOf = kafka.consumer.bind(kafka);
    kafka.consumer = (config) => {
      const consumer = consumerOf(config);
      created.push(consumer);
      return consumer;
    };
    const log: Log = createKafkaLog(kafka, { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100, stallAfterMs: 3000 });
    const topic = uniqueName('stall');
    const handled: string[] = [];
    try {
      await log.ensureTopics([{ topic, partitions: 1 }]);
      const consumer = log.createConsumer({ groupId: uniqueName('group'), topics: [topic], eachBatch: async (batch) => void handled.push(...batch.messages.map((message) => message.value?.toString() ?? '')) });
      await consumer.start();
      const producer = log.createProducer();
      await producer.send([{ topic, key: 'k', value: text('before') }]);
      await waitFor('the first message handled', () => handled.length === 1, 20_000);
      created[0]?.pause([{ topic, partitions: [0] }]);
      await producer.send([{ topic, key: 'k', value: text('while stalled') }]);
      await waitFor('the consumer relaunched and the message handled', () => handled.includes('while stalled'), 30_000);
      expect(created.length).toBeGreaterThan(1);
      expect(handled).toEqual(['before', 'while stalled']);
      await producer.close();
      await consumer.stop();
    } finally {
      await log.close();
    }
  }, 60_000);
});
