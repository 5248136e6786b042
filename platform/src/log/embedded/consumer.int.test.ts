import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Database as SqliteDatabase } from 'better-sqlite3';
import { range, text, waitFor } from '../contract-helpers';
import { createEmbeddedConsumer } from './consumer';
import { createEmbeddedProducer } from './producer';
import { applyLogSchema } from './schema';
import { createLogStore } from './store';
import type { LogStore } from './store';
import type { Batch, Consumer, ConsumerOptions } from '../port';

const TOPIC = 'orders';
const POLL_MS = 30;

/** A store whose message reads are recorded, to see which partitions the fetch loop actually reads. */
const countingStore = (store: LogStore) => {
  const reads: number[] = [];
  const wrapped: LogStore = {
    ...store,
    readBelow(topic, partition, fromOffset, beforeOffset, maxCount) {
      reads.push(partition);
      return store.readBelow(topic, partition, fromOffset, beforeOffset, maxCount);
    },
  };
  return { store: wrapped, reads };
};

describe('embedded consumer fetch loop', () => {
  let dir: string;
  let db: SqliteDatabase;
  let store: LogStore;
  const consumers: Consumer[] = [];
  const others: SqliteDatabase[] = [];

  const consume = async (logStore: LogStore, options: Omit<ConsumerOptions, 'groupId' | 'topics'>) => {
    const consumer = createEmbeddedConsumer(db, logStore, { groupId: 'g', topics: [TOPIC], ...options }, {
      pollIntervalMs: POLL_MS,
      sessionTimeoutMs: 3000,
      heartbeatIntervalMs: 500,
    });
    consumers.push(consumer);
    await consumer.start();
    return consumer;
  };
  const produce = (partition: number, count: number) =>
    createEmbeddedProducer(db, store).send(range(count).map((index) => ({ topic: TOPIC, partition, key: null, value: text(`${partition}-${index}`) })));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-consumer-'));
    db = new Database(path.join(dir, 'log.db'));
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    applyLogSchema(db);
    store = createLogStore(db);
    db.transaction(() => store.ensureTopics([{ topic: TOPIC, partitions: 8 }])).immediate();
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.stop()));
    for (const other of others.splice(0)) other.close();
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads only the partitions that have messages, once per batch', async () => {
    const counting = countingStore(store);
    let batches = 0;
    let delivered = 0;
    await consume(counting.store, {
      eachBatch: async (batch) => {
        batches += 1;
        delivered += batch.messages.length;
      },
    });
    for (const index of range(40)) {
      await produce(3, 1);
      if (index % 10 === 0) await new Promise((resolve) => setTimeout(resolve, POLL_MS * 2));
    }
    await waitFor('all 40 messages', () => delivered === 40, 10_000);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 5)); // idle polls must read nothing
    expect(new Set(counting.reads)).toEqual(new Set([3]));
    expect(counting.reads).toHaveLength(batches);
  });

  it('gives every partition a batch per round while one has a long backlog', async () => {
    await produce(0, 200);
    for (const partition of range(8).slice(1)) await produce(partition, 1);
    const order: Batch[] = [];
    await consume(store, { maxBatchSize: 10, eachBatch: async (batch) => void order.push(batch) });
    await waitFor('every message', () => order.reduce((sum, batch) => sum + batch.messages.length, 0) === 207, 10_000);
    const firstRound = order.slice(0, 8).map((batch) => batch.partition);
    expect(new Set(firstRound)).toEqual(new Set(range(8)));
    // The high watermark is the end seen when the batch was fetched: never behind what it holds.
    for (const batch of order) expect(batch.highWatermark).toBeGreaterThanOrEqual((batch.messages.at(-1)?.offset ?? 0) + 1);
    expect(order[0]?.highWatermark).toBe(200);
  });

  it('sees messages written by another connection, which sends no in-process signal, by polling', async () => {
    const values: string[] = [];
    await consume(store, { eachBatch: async (batch) => void values.push(...batch.messages.map((message) => message.value?.toString() ?? '')) });
    // A connection of its own stands for another process: it appends through the same SQL, without signalling.
    const other = new Database(path.join(dir, 'log.db'));
    other.pragma('busy_timeout = 5000');
    others.push(other);
    const otherStore = createLogStore(other);
    other.transaction(() => otherStore.append([{ topic: TOPIC, partition: 5, key: null, value: text('from afar') }])).immediate();
    await waitFor('the message of the other writer', () => values.includes('from afar'), 5000);
  });

  it('does not spin on a partition whose end is past messages that are not there', async () => {
    await produce(2, 5);
    db.prepare('DELETE FROM log_messages WHERE topic = ? AND partition = ?').run(TOPIC, 2);
    const counting = countingStore(store);
    await consume(counting.store, { eachBatch: async () => undefined });
    const started = Date.now();
    await new Promise((resolve) => setTimeout(resolve, POLL_MS * 10));
    const elapsedPolls = (Date.now() - started) / POLL_MS;
    expect(counting.reads.length).toBeGreaterThan(0);
    expect(counting.reads.length).toBeLessThanOrEqual(elapsedPolls + 3);
  });
});
