import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { SchemaRegistry as ConfluentClient } from '@kafkajs/confluent-schema-registry';
import { Kafka, logLevel } from 'kafkajs';
import { createMirror } from '@ecommerce/command-api';
import {
  createAvroSerde, createConfluentSchemaRegistry, createKafkaLog, createKafkaLogCreator, createNamespacedLog, eventToRecord, isPublishable, platformTopics,
} from '@ecommerce/platform';
import type { EventStore, Logger } from '@ecommerce/platform';
import { avroSchemaOfRecordName } from '@ecommerce/schemas';
import type { CatalogHistory } from './catalog-history';
import { elapsedSince, perSecond } from './rate';
import type { Figure, SectionResult } from './report';
import { waitFor } from './wait-for';

const run = promisify(execFile);
const section = 'mirror (kafka)';
const partitions = 8;
const kafkaScript = path.resolve(__dirname, '..', '..', '..', 'scripts', 'infra', 'kafka.sh');

/** What the mirror puts on the wire per event: key, value and headers, averaged over the whole history. */
async function recordBytes(eventStore: EventStore, serde: ReturnType<typeof createAvroSerde>): Promise<{ records: number; meanBytes: number; meanValueBytes: number }> {
  let records = 0;
  let bytes = 0;
  let valueBytes = 0;
  for (const event of await eventStore.readAll()) {
    if (!isPublishable(event)) continue;
    const record = await eventToRecord(event, serde);
    const headerBytes = Object.entries(record.headers ?? {}).reduce((sum, [name, value]) => sum + name.length + Buffer.byteLength(String(value)), 0);
    records += 1;
    valueBytes += record.value?.length ?? 0;
    bytes += Buffer.byteLength(record.key ?? '') + (record.value?.length ?? 0) + headerBytes;
  }
  return { records, meanBytes: Math.round(bytes / Math.max(1, records)), meanValueBytes: Math.round(valueBytes / Math.max(1, records)) };
}

interface ProducerPerformanceRun {
  recordsPerSecond: number;
  mbPerSecond: number;
  avgLatencyMs: number;
  line: string;
}

/** Kafka's own producer benchmark (`org.apache.kafka.tools.ProducerPerformance`, from the broker's jars), its summary line parsed. */
async function producerPerformance(options: { brokers: string; topic: string; records: number; recordSize: number; transactional: boolean }): Promise<ProducerPerformanceRun> {
  const props = [`bootstrap.servers=${options.brokers}`, 'acks=all', 'enable.idempotence=true'];
  const args = [kafkaScript, 'tool', 'org.apache.kafka.tools.ProducerPerformance',
    '--topic', options.topic, '--num-records', String(options.records), '--record-size', String(options.recordSize), '--throughput', '-1',
    ...(options.transactional ? ['--transactional-id', `bench-${randomUUID()}`, '--transaction-duration-ms', '50'] : []),
    '--producer-props', ...props];
  const { stdout } = await run('bash', args, { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 });
  // "20000 records sent, 41152.3 records/sec (5.10 MB/sec), 310.4 ms avg latency, ..."
  const line = stdout.trim().split('\n').filter((text) => /records sent/.test(text)).at(-1) ?? '';
  const match = /records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\), ([\d.]+) ms avg latency/.exec(line);
  if (!match) throw new Error(`ProducerPerformance printed no summary: ${stdout.slice(-500)}`);
  return { recordsPerSecond: Number(match[1]), mbPerSecond: Number(match[2]), avgLatencyMs: Number(match[3]), line };
}

/**
 * The mirror on the environment's Kafka and registry (a fresh topic namespace, deleted after),
 * started on a full event store and timed until its checkpoint reaches the head; then, in the same
 * run and on the same broker, Kafka's ProducerPerformance sends as many records of the mirror's
 * mean record size, plainly (idempotent, acks=all) and in transactions as the mirror does.
 */
export async function benchMirrorOnKafka(options: { eventStore: EventStore; history: CatalogHistory; logger: Logger }): Promise<SectionResult> {
  const { eventStore, history, logger } = options;
  const brokers = process.env.KAFKA_BROKERS as string;
  const namespace = `bench${randomUUID().slice(0, 8)}.`;
  const kafka = new Kafka({ clientId: 'bench-mirror', brokers: brokers.split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator() });
  const log = createNamespacedLog(createKafkaLog(kafka), namespace);
  const serde = createAvroSerde(createConfluentSchemaRegistry(new ConfluentClient({ host: process.env.SCHEMA_REGISTRY_URL as string })), { resolveSchema: (recordName) => avroSchemaOfRecordName(recordName)?.text });
  const admin = kafka.admin();
  await admin.connect();
  const perfTopic = `${namespace}producer-performance`;
  try {
    await log.ensureTopics(platformTopics(partitions));
    const sizes = await recordBytes(eventStore, serde);
    const mirror = createMirror({ eventStore, log, serde, logger: logger.child({ component: 'mirror' }), partitions });
    logger.info({ events: history.events, head: history.head, namespace }, 'mirror (kafka): publishing the whole event store');
    const started = performance.now();
    await mirror.start();
    try {
      await waitFor(() => mirror.checkpoint() >= history.head, {
        what: 'mirror catching up on Kafka',
        timeoutMs: 120_000 + history.events * 20,
        failure: () => (mirror.health().ok ? undefined : mirror.health().detail),
        onProgress: () => logger.info({ checkpoint: mirror.checkpoint(), head: history.head }, 'mirror (kafka): publishing'),
      });
    } finally {
      await mirror.stop();
    }
    const mirrorMs = elapsedSince(started);
    const mirrorRate = perSecond(history.events, mirrorMs);

    await admin.createTopics({ topics: [{ topic: perfTopic, numPartitions: partitions, replicationFactor: 1 }], waitForLeaders: true });
    const runs = {
      plain: await producerPerformance({ brokers, topic: perfTopic, records: sizes.records, recordSize: sizes.meanBytes, transactional: false }),
      transactional: await producerPerformance({ brokers, topic: perfTopic, records: sizes.records, recordSize: sizes.meanBytes, transactional: true }),
    };
    const ratio = (against: ProducerPerformanceRun) => Math.round((1000 * perSecond(sizes.records, mirrorMs)) / against.recordsPerSecond) / 10;
    const figures: Figure[] = [
      { section, metric: 'events published', value: mirrorRate, unit: 'events/s', note: `${history.events} events (${sizes.records} records, mean ${sizes.meanBytes} B), start → checkpoint at head` },
      { section, metric: 'ProducerPerformance, idempotent', value: runs.plain.recordsPerSecond, unit: 'records/s', note: `${sizes.records} × ${sizes.meanBytes} B, acks=all, ${partitions} partitions; mirror = ${ratio(runs.plain)} % of it` },
      { section, metric: 'ProducerPerformance, transactional', value: runs.transactional.recordsPerSecond, unit: 'records/s', note: `same, a transaction every 50 ms; mirror = ${ratio(runs.transactional)} % of it` },
    ];
    return { figures, details: { mirrorMs, ...sizes, producerPerformance: runs, namespace, partitions } };
  } finally {
    const topics = (await admin.listTopics().catch(() => [] as string[])).filter((topic) => topic.startsWith(namespace));
    if (topics.length > 0) await admin.deleteTopics({ topics }).catch((error: unknown) => logger.warn({ err: error }, 'mirror (kafka): deleting the bench topics failed'));
    await admin.disconnect();
    await log.close();
  }
}
