import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreDBClient } from '@eventstore/db-client';
import { MongoClient } from 'mongodb';
import { SchemaRegistry as ConfluentClient } from '@kafkajs/confluent-schema-registry';
import {
  applyFileSettings, ConfigError, createAvroSerde, createKafkaLog, createKafkaLogCreator, createNamespacedLog, createConfluentSchemaRegistry, createEmbeddedSchemaRegistry, createEsdbEventStore, createMongoReadStore,
  Kafka, logLevel, openEmbeddedLog, openEmbeddedReadStore, openSqliteEventStore, withEsdbOutagesAsUnavailable, withSchemaCheck,
} from '@ecommerce/platform';
import type { EventStore, Log, Logger, ReadStore, SchemaRegistry, Serde, Settings } from '@ecommerce/platform';
import { avroSchemaOfRecordName } from '@ecommerce/schemas';
import { createDiskImageStore, createS3Client, createS3ImageStore } from '@ecommerce/platform';
import type { ImageStore } from '@ecommerce/platform';

export interface Adapters {
  eventStore: EventStore;
  log: Log;
  readStore: ReadStore;
  registry: SchemaRegistry;
  serde: Serde;
  /** Which adapter each port got, for logs and /health. */
  modes: Record<'eventStore' | 'log' | 'readStore' | 'registry', string>;
  /** The SQLite files opened here whose checkpoints another thread runs (`tuning.checkpointElsewhere`). */
  checkpointedElsewhere: string[];
  close(): Promise<void>;
}

type Port = 'eventStore' | 'log' | 'readStore' | 'registry';

/**
 * Opening a SQLite file another process is writing can meet a lock that the busy timeout does
 * not cover (recovering the WAL of a process that was killed); a few retries get past it.
 */
async function openWithRetry<T>(open: () => T, attempts = 8): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return open();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || (code !== 'SQLITE_BUSY' && code !== 'SQLITE_BUSY_RECOVERY' && code !== 'SQLITE_LOCKED')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** Math.min(attempt, 5)));
    }
  }
}

/**
 * The composition root's one decision per port (DESIGN §3): the distributed adapter when its
 * setting is present, the embedded one (a SQLite file under DATA_DIR) otherwise. Only the
 * ports a component needs are opened.
 */
export async function openAdapters(
  settings: Settings, logger: Logger, needs: readonly Port[] = ['eventStore', 'log', 'readStore', 'registry'],
  tuning: {
    /** The embedded log's fallback poll (for other processes' produces); any thread's produces in this process wake its consumers at once. */
    logPollIntervalMs?: number;
    /** The embedded event store's subscriptions' fallback poll (other processes' appends); any thread's appends in this process wake them at once. */
    eventStorePollIntervalMs?: number;
    /** The event store's and log's files are checkpointed by another thread (`startCheckpoints`), not in this thread's commits. */
    checkpointElsewhere?: boolean;
  } = {},
): Promise<Adapters> {
  const closers: Array<() => Promise<void>> = [];
  const modes = {} as Adapters['modes'];
  const checkpointElsewhere = tuning.checkpointElsewhere ?? false;
  const checkpointedElsewhere: string[] = [];
  const embeddedFile = (name: string) => {
    mkdirSync(settings.DATA_DIR, { recursive: true });
    return join(settings.DATA_DIR, name);
  };
  const unavailable = <T extends object>(port: string): T =>
    new Proxy({} as T, { get: (_target, property) => (property === 'then' ? undefined : () => Promise.reject(new Error(`${port} is not opened by this component`))) });

  let eventStore = unavailable<EventStore>('event store');
  if (needs.includes('eventStore')) {
    if (settings.EVENTSTORE_URL) {
      let client: EventStoreDBClient;
      try {
        client = EventStoreDBClient.connectionString(settings.EVENTSTORE_URL);
      } catch (error) {
        throw new ConfigError('EVENTSTORE_URL', (error as Error).message);
      }
      eventStore = withSchemaCheck(withEsdbOutagesAsUnavailable(createEsdbEventStore(client)));
      modes.eventStore = 'eventstoredb';
    } else {
      eventStore = withSchemaCheck(await openWithRetry(() => openSqliteEventStore(embeddedFile('events.db'), { checkpointedElsewhere: checkpointElsewhere, pollIntervalMs: tuning.eventStorePollIntervalMs })));
      if (checkpointElsewhere) checkpointedElsewhere.push(embeddedFile('events.db'));
      modes.eventStore = 'sqlite';
    }
    closers.push(() => eventStore.close());
  }

  let log = unavailable<Log>('log');
  if (needs.includes('log')) {
    if (settings.KAFKA_BROKERS) {
      const kafka = new Kafka({
        clientId: settings.KAFKA_CLIENT_ID,
        brokers: settings.KAFKA_BROKERS,
        logLevel: logLevel.WARN,
        logCreator: createKafkaLogCreator({ warn: (fields, message) => logger.warn(fields, message), error: (fields, message) => logger.error(fields, message) }),
      });
      log = createNamespacedLog(createKafkaLog(kafka, { commitIntervalMs: settings.KAFKA_COMMIT_INTERVAL_MS }), settings.LOG_NAMESPACE);
      modes.log = 'kafka';
    } else {
      log = createNamespacedLog(await openWithRetry(() => openEmbeddedLog(embeddedFile('log.db'), { pollIntervalMs: tuning.logPollIntervalMs, checkpointedElsewhere: checkpointElsewhere })), settings.LOG_NAMESPACE);
      if (checkpointElsewhere) checkpointedElsewhere.push(embeddedFile('log.db'));
      modes.log = 'embedded';
    }
    closers.push(() => log.close());
  }

  let readStore = unavailable<ReadStore>('read store');
  if (needs.includes('readStore')) {
    if (settings.MONGO_URL) {
      // Bounded waits: with the server down a read fails in about MONGO_SERVER_SELECTION_TIMEOUT_MS (503), not after the driver's 30 s.
      const client = new MongoClient(settings.MONGO_URL, {
        serverSelectionTimeoutMS: settings.MONGO_SERVER_SELECTION_TIMEOUT_MS,
        connectTimeoutMS: settings.MONGO_CONNECT_TIMEOUT_MS,
        socketTimeoutMS: settings.MONGO_SOCKET_TIMEOUT_MS,
      });
      await client.connect();
      // No projection deletes a document: a new one has no tombstone to look for (a read fewer per document).
      readStore = createMongoReadStore(client.db(settings.MONGO_DATABASE), { neverDeletes: true });
      modes.readStore = 'mongodb';
      closers.push(() => client.close());
    } else {
      readStore = await openWithRetry(() => openEmbeddedReadStore(embeddedFile('read.db')));
      modes.readStore = 'embedded';
      closers.push(() => readStore.close());
    }
  }

  let registry = unavailable<SchemaRegistry>('schema registry');
  if (needs.includes('registry')) {
    if (settings.SCHEMA_REGISTRY_URL) {
      registry = createConfluentSchemaRegistry(new ConfluentClient({ host: settings.SCHEMA_REGISTRY_URL }));
      modes.registry = 'confluent';
    } else {
      const db = new Database(embeddedFile('registry.db'));
      // Several processes register schemas in one file: the settings' busy timeout waits for the lock instead of failing.
      registry = await openWithRetry(() => {
        applyFileSettings(db);
        return createEmbeddedSchemaRegistry(db);
      });
      modes.registry = 'embedded';
      closers.push(async () => void db.close());
    }
  }
  const serde = createAvroSerde(registry, { resolveSchema: (recordName) => avroSchemaOfRecordName(recordName)?.text });

  logger.info({ adapters: modes, dataDir: settings.DATA_DIR }, 'adapters opened');
  return {
    eventStore, log, readStore, registry, serde, modes, checkpointedElsewhere,
    async close() {
      for (const close of closers.reverse()) await close().catch((error: unknown) => logger.warn({ err: error }, 'error while closing an adapter'));
    },
  };
}

/**
 * The image store (DESIGN §3, one decision per port): S3-compatible with IMAGE_STORE=s3, else
 * files under DATA_DIR/images. A missing bucket is created at start: one less manual step on a
 * fresh MinIO; a production bucket is provisioned and the call finds it there.
 */
export async function openImageStore(settings: Settings, logger: Logger): Promise<ImageStore> {
  if (settings.IMAGE_STORE === 's3') {
    const bucket = settings.S3_BUCKET as string;
    const credentials = settings.S3_ACCESS_KEY_ID && settings.S3_SECRET_ACCESS_KEY ? { accessKeyId: settings.S3_ACCESS_KEY_ID, secretAccessKey: settings.S3_SECRET_ACCESS_KEY } : undefined;
    const store = createS3ImageStore(createS3Client({ endpoint: settings.S3_ENDPOINT, region: settings.S3_REGION, credentials }), { bucket });
    try {
      if (await store.ensureBucket()) logger.info({ bucket }, 'image bucket created');
    } catch (error) {
      await store.close();
      throw new ConfigError('S3_ENDPOINT', `the image store at ${settings.S3_ENDPOINT ?? 'AWS S3'} (bucket ${bucket}) cannot be used: ${(error as Error).message}`);
    }
    logger.info({ imageStore: 's3', endpoint: settings.S3_ENDPOINT ?? 'aws', bucket, credentials: credentials ? 'S3_ACCESS_KEY_ID' : 'default chain' }, 'image store opened');
    return store;
  }
  const root = join(settings.DATA_DIR, 'images');
  logger.info({ imageStore: 'disk', root }, 'image store opened');
  return createDiskImageStore(root);
}
