import path from 'node:path';
import Database from 'better-sqlite3';
import { createMirror } from '@ecommerce/command-api';
import { applyFileSettings, createAvroSerde, createEmbeddedSchemaRegistry, mirrorCheckpointTopic, openEmbeddedLog, platformTopics } from '@ecommerce/platform';
import type { EventStore, Logger } from '@ecommerce/platform';
import { avroSchemaOfRecordName } from '@ecommerce/schemas';
import type { CatalogHistory } from './catalog-history';
import { elapsedSince, perSecond } from './rate';
import type { SectionResult } from './report';
import { waitFor } from './wait-for';

const partitions = 8;
const section = 'mirror';

/**
 * §2: a mirror started on a full event store, timed from start() until its committed
 * checkpoint reaches the head: $all read, Avro encoding through the embedded registry,
 * transactional produce into the embedded log.
 */
export async function benchMirror(options: { dir: string; eventStore: EventStore; history: CatalogHistory; logger: Logger }): Promise<SectionResult> {
  const { dir, eventStore, history, logger } = options;
  const log = openEmbeddedLog(path.join(dir, 'log.db'));
  const registryDb = new Database(path.join(dir, 'registry.db'));
  try {
    applyFileSettings(registryDb);
    const serde = createAvroSerde(createEmbeddedSchemaRegistry(registryDb), { resolveSchema: (recordName) => avroSchemaOfRecordName(recordName)?.text });
    const mirror = createMirror({ eventStore, log, serde, logger: logger.child({ component: 'mirror' }), partitions });

    logger.info({ events: history.events, head: history.head }, 'mirror: publishing the whole event store');
    const started = performance.now();
    await mirror.start();
    try {
      await waitFor(() => mirror.checkpoint() >= history.head, {
        what: 'mirror catching up',
        timeoutMs: 60_000 + history.events * 5,
        failure: () => (mirror.health().ok ? undefined : mirror.health().detail),
        onProgress: () => logger.info({ checkpoint: mirror.checkpoint(), head: history.head }, 'mirror: publishing'),
      });
    } finally {
      await mirror.stop();
    }
    const elapsedMs = elapsedSince(started);

    const eventTopics = platformTopics(partitions).filter((spec) => spec.topic.endsWith('.events'));
    const messagesPerTopic: Record<string, number> = {};
    for (const { topic } of eventTopics) messagesPerTopic[topic] = (await log.endOffsets(topic)).reduce((sum, end) => sum + end, 0);
    const messages = Object.values(messagesPerTopic).reduce((sum, count) => sum + count, 0);
    const checkpointMessages = (await log.endOffsets(mirrorCheckpointTopic)).reduce((sum, end) => sum + end, 0);

    return {
      figures: [
        { section, metric: 'events published', value: perSecond(history.events, elapsedMs), unit: 'events/s', note: `${history.events} events, start → checkpoint at head` },
        {
          section, metric: 'messages in event topics', value: messages, unit: 'messages',
          note: messages === history.publishable ? `= ${history.publishable} publishable events` : `MISMATCH: expected ${history.publishable}`,
        },
      ],
      details: { elapsedMs, events: history.events, publishable: history.publishable, head: history.head, messagesPerTopic, checkpointMessages, partitions },
    };
  } finally {
    await log.close();
    registryDb.close();
  }
}
