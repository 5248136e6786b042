/**
 * The logs a suite runs on: the embedded log always, and a real Kafka broker with KAFKA_BROKERS
 * (a fresh namespace per log, so the platform's fixed topic names never collide between tests);
 * without it the suite says plainly that its Kafka runs are skipped. Test-only.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { Kafka, logLevel } from './kafka/kafkajs';
import { createKafkaLog, createKafkaLogCreator } from './kafka';
import type { KafkaLogOptions } from './kafka';
import { openEmbeddedLog } from './embedded';
import { createNamespacedLog } from './namespaced';
import type { Log } from './port';

export interface TestLogTarget {
  name: string;
  /** A log; the embedded one lives in `dir`. */
  openLog(dir: string): Log;
}

export function testLogTargets(suite: string, kafkaOptions?: KafkaLogOptions): TestLogTarget[] {
  const targets: TestLogTarget[] = [{ name: 'the embedded log', openLog: (dir) => openEmbeddedLog(path.join(dir, 'log.db'), { pollIntervalMs: 20 }) }];
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    process.stdout.write(`${suite} on Kafka skipped: set KAFKA_BROKERS to run them\n`);
    return targets;
  }
  const clientId = suite.replace(/[^a-z0-9]+/gi, '-');
  targets.push({
    name: 'Kafka',
    openLog: () => createNamespacedLog(createKafkaLog(new Kafka({ clientId, brokers: brokers.split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator() }), kafkaOptions), `t${randomUUID().slice(0, 8)}.`),
  });
  return targets;
}
