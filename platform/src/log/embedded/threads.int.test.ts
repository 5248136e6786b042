import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCollector, range, text, textOf, waitFor } from '../contract-helpers';
import { openEmbeddedLog } from './embedded';
import { startLogThread } from './thread.fixture';
import type { Log } from '../port';

/**
 * Far longer than any wait below: a message handled within the test's time was woken by the
 * produce's signal, not found by a poll.
 */
const POLL_FALLBACK_MS = 10 * 60_000;
const WITHIN_MS = 15_000;

describe('embedded log across the threads of one process', () => {
  let dir: string;
  let file: string;
  const logs: Log[] = [];
  const threads: Array<ReturnType<typeof startLogThread>> = [];

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-log-threads-'));
    file = path.join(dir, 'log.db');
    const log = openEmbeddedLog(file);
    await log.ensureTopics([{ topic: 'orders', partitions: 2 }]);
    await log.close();
  });
  afterEach(async () => {
    await Promise.all(threads.splice(0).map((thread) => thread.close()));
    await Promise.all(logs.splice(0).map((log) => log.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("wakes this thread's consumer when another thread produces", async () => {
    // Opened under another name of the same file: the signal goes by the file, not the spelling.
    const log = openEmbeddedLog(path.join(dir, '.', 'log.db'), { pollIntervalMs: POLL_FALLBACK_MS });
    logs.push(log);
    const collector = createCollector();
    const assigned: number[] = [];
    const consumer = log.createConsumer({
      groupId: 'main-group',
      topics: ['orders'],
      onPartitionsAssigned: (partitions) => assigned.push(...partitions.map((entry) => entry.partition)),
      eachBatch: async (batch) => collector.add(batch),
    });
    await consumer.start();
    expect(assigned.sort()).toEqual([0, 1]);
    const producer = startLogThread({ file, topic: 'orders', mode: 'produce', pollIntervalMs: POLL_FALLBACK_MS });
    threads.push(producer);
    await waitFor('the producing thread', () => producer.events.some((event) => event.type === 'ready'), WITHIN_MS);
    // The consumer is asleep on its poll: let its first empty fetch go by.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(collector.messages).toHaveLength(0);

    producer.send(range(5).map((index) => `first-${index}`));
    await waitFor('the first batch, woken by the signal', () => collector.messages.length === 5, WITHIN_MS);
    producer.send(['second']);
    await waitFor('the second, woken again', () => collector.messages.length === 6, WITHIN_MS);
    expect(collector.messages.map(textOf).sort()).toEqual([...range(5).map((index) => `first-${index}`), 'second'].sort());
  });

  it("wakes another thread's consumer when this thread produces", async () => {
    const log = openEmbeddedLog(file, { pollIntervalMs: POLL_FALLBACK_MS });
    logs.push(log);
    const consumer = startLogThread({ file, topic: 'orders', mode: 'consume', pollIntervalMs: POLL_FALLBACK_MS });
    threads.push(consumer);
    await waitFor('the consuming thread', () => consumer.events.some((event) => event.type === 'ready'), WITHIN_MS);
    expect(consumer.events.filter((event) => event.type === 'assigned').flatMap((event) => (event.type === 'assigned' ? event.partitions : [])).sort()).toEqual([0, 1]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const handled = () => consumer.events.flatMap((event) => (event.type === 'handled' ? [event.value] : []));
    expect(handled()).toEqual([]);

    const producer = log.createProducer();
    await producer.send(range(5).map((index) => ({ topic: 'orders', key: `k${index}`, value: text(`first-${index}`) })));
    await waitFor('the first batch, woken by the signal', () => handled().length === 5, WITHIN_MS);
    await producer.send([{ topic: 'orders', key: 'k', value: text('second') }]);
    await waitFor('the second, woken again', () => handled().length === 6, WITHIN_MS);
    expect(handled().sort()).toEqual([...range(5).map((index) => `first-${index}`), 'second'].sort());
  });

  it('stops broadcasting for a file once its last log there is closed, and starts again when one is opened', async () => {
    const consumer = startLogThread({ file, topic: 'orders', mode: 'consume', pollIntervalMs: POLL_FALLBACK_MS });
    threads.push(consumer);
    await waitFor('the consuming thread', () => consumer.events.some((event) => event.type === 'ready'), WITHIN_MS);
    const handled = () => consumer.events.flatMap((event) => (event.type === 'handled' ? [event.value] : []));
    for (const round of [1, 2]) {
      const log = openEmbeddedLog(file, { pollIntervalMs: POLL_FALLBACK_MS });
      await log.createProducer().send([{ topic: 'orders', key: `r${round}`, value: text(`round-${round}`) }]);
      await log.close();
      await waitFor(`round ${round}`, () => handled().length === round, WITHIN_MS);
    }
    expect(handled()).toEqual(['round-1', 'round-2']);
  });
});
