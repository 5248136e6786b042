import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EventStoreDBClient } from '@eventstore/db-client';
import { MongoClient } from 'mongodb';
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry as ConfluentClient } from '@kafkajs/confluent-schema-registry';
import {
  applyFileSettings, ConfigError, createAvroSerde, createKafkaLog, createKafkaLogCreator, createNamespacedLog, createConfluentSchemaRegistry, createEmbeddedSchemaRegistry, createEsdbEventStore, createMongoReadStore,
  openEmbeddedLog, openEmbeddedReadStore, openSqliteEventStore, withSchemaCheck,
} from '@ecommerce/platform';
import type { EventStore, Log, Logger, ReadStore, SchemaRegistry, Serde, Settings } from '@ecommerce/platform';
import { avroSchemaOfRecordName } from '@ecommerce/schemas';

export interface Adapters {
  eventStore: EventStore;
  log: Log;
  readStore: ReadStore;
  registry: SchemaRegistry;
  serde: Serde;
  /** Which adapter each port got, for logs and /health. */
  modes: Record<'eventStore' | 'log' | 'readStore' | 'registry', string>;
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
export async function openAdapters(settings: Settings, logger: Logger, needs: readonly Port[] = ['eventStore', 'log', 'readStore', 'registry']): Promise<Adapters> {
  const closers: Array<() => Promise<void>> = [];
  const modes = {} as Adapters['modes'];
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
      eventStore = withSchemaCheck(createEsdbEventStore(client));
      modes.eventStore = 'eventstoredb';
    } else {
      eventStore = withSchemaCheck(await openWithRetry(() => openSqliteEventStore(embeddedFile('events.db'))));
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
      log = createNamespacedLog(createKafkaLog(kafka), settings.LOG_NAMESPACE);
      modes.log = 'kafka';
    } else {
      log = createNamespacedLog(await openWithRetry(() => openEmbeddedLog(embeddedFile('log.db'))), settings.LOG_NAMESPACE);
      modes.log = 'embedded';
    }
    closers.push(() => log.close());
  }

  let readStore = unavailable<ReadStore>('read store');
  if (needs.includes('readStore')) {
    if (settings.MONGO_URL) {
      const client = new MongoClient(settings.MONGO_URL, { serverSelectionTimeoutMS: 10_000 });
      await client.connect();
      readStore = createMongoReadStore(client.db(settings.MONGO_DATABASE));
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
    eventStore, log, readStore, registry, serde, modes,
    async close() {
      for (const close of closers.reverse()) await close().catch((error: unknown) => logger.warn({ err: error }, 'error while closing an adapter'));
    },
  };
}
