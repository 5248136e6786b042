import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createKafkaLog, createKafkaLogCreator, createLogger, createNamespacedLog, Kafka, logLevel, openEmbeddedLog, openSqliteEventStore } from '@ecommerce/platform';
import type { EventStore, Log, LogMessage } from '@ecommerce/platform';

/** Test-only helpers: the logs the runtime suites run on (embedded always, Kafka when KAFKA_BROKERS is set). */
export interface LogTarget {
  name: string;
  open(): Log;
}

const brokers = process.env.KAFKA_BROKERS;
let warned = false;

export function logTargets(): LogTarget[] {
  if (!brokers && !warned) {
    warned = true;
    console.warn('kafka runs of the runtime suites skipped: set KAFKA_BROKERS to run');
  }
  const targets: LogTarget[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-log-'));
  targets.push({ name: 'embedded', open: () => openEmbeddedLog(path.join(dir, `log-${randomUUID()}.db`), { pollIntervalMs: 20, sessionTimeoutMs: 3000 }) });
  if (brokers) {
    targets.push({
      name: 'kafka',
      open: () => {
        const kafka = new Kafka({ clientId: 'runtime-test', brokers: brokers.split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator() });
        const timings = { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000, maxWaitTimeMs: 50 };
        // A fresh namespace per log: the fixed names (ecommerce.dlq, the timer checkpoints) do not collide between tests.
        return createNamespacedLog(createKafkaLog(kafka, timings), `rt${randomUUID().slice(0, 8)}.`);
      },
    });
  }
  return targets;
}

/** An event store on a fresh SQLite file. */
export function openEventStore(): { eventStore: EventStore; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'runtime-events-'));
  const file = path.join(dir, 'events.db');
  return { eventStore: openSqliteEventStore(file), file };
}

export const silentLogger = createLogger({ level: (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent' });

export async function readTopic(log: Log, topic: string): Promise<LogMessage[]> {
  const ends = await log.endOffsets(topic);
  const all: LogMessage[] = [];
  for (const [partition, end] of ends.entries()) {
    for (let from = 0; from < end; ) {
      const messages = await log.read(topic, partition, from, 1000);
      if (messages.length === 0) break;
      all.push(...messages);
      from = (messages.at(-1)?.offset ?? from) + 1;
    }
  }
  return all;
}

export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
