import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, UndecodableMessageError, createLogger, deadLetterTopic, eventHeaders, listDeadLetters, openEmbeddedReadStore } from '@ecommerce/platform';
import type { Document, Log, ProducerRecord, ReadCollection, ReadStore, Serde } from '@ecommerce/platform';
import { applyByDocument } from './apply-by-document';
import type { Projection } from './projection';
import { createProjectionRunner } from './runner';
import { testLogTargets } from '@ecommerce/platform/src/log/test-log-targets.fixture';

/** Issue 14: an event a projection cannot apply is dead-lettered after bounded retries; a read-store outage dead-letters nothing. */
const topic = 'ecommerce.counting.events';
const silentLogger = createLogger({ level: 'silent' });

const targets = testLogTargets('projection runner tests', { sessionTimeoutMs: 6000, heartbeatIntervalMs: 500, rebalanceTimeoutMs: 10_000, maxWaitTimeMs: 50 });

// A test-only JSON serde: the runner only needs decode.
const jsonSerde: Serde = {
  async encode(_topic, recordName, data) {
    return Buffer.from(JSON.stringify({ recordName, data }));
  },
  async decode(buffer) {
    try {
      const { recordName, data } = JSON.parse(buffer.toString()) as { recordName: string; data: Record<string, unknown> };
      return { recordName, schemaId: 1, data };
    } catch {
      throw new UndecodableMessageError('not json');
    }
  },
};

interface Counted { n: number; poison?: boolean; flaky?: boolean }
interface CounterDocument extends Document { total: number; seen: number[]; revision: number }

/** A counter per stream, through applyByDocument; its evolve throws on `poison`, and retriably on `flaky` while `flakyFailures` lasts. */
function createCountingProjection(behaviour: { flakyFailures: number; applyCalls: Map<number, number> }): Projection {
  const collectionOf = (version: number) => `counters_v${version}`;
  return {
    name: 'counting',
    topics: [topic],
    collections: (version) => ({ counters: collectionOf(version) }),
    setup: async () => undefined,
    apply: (store, version, events) =>
      applyByDocument(store.collection<CounterDocument>(collectionOf(version)), {
        handles: new Set(['Counted']),
        idOf: (event) => event.streamId,
        fieldsOf: ({ total, seen, revision }) => ({ total, seen, revision }),
        evolve(current, event) {
          const data = event.data as Counted;
          behaviour.applyCalls.set(data.n, (behaviour.applyCalls.get(data.n) ?? 0) + 1);
          if (data.poison) throw new TypeError(`cannot count ${data.n}`);
          if (data.flaky && behaviour.flakyFailures-- > 0) throw new AppError('unavailable', 'price service timed out', { retriable: true });
          return { total: (current?.total ?? 0) + data.n, seen: [...(current?.seen ?? []), data.n], revision: event.revision };
        },
      }, events),
  };
}

/** A topic of four partitions, for the batches one fetch hands over together. */
const fourPartitions = 'ecommerce.wide.events';
const countedOn = (partition: number, stream: string, revision: number, data: Counted): ProducerRecord => ({ ...counted(stream, revision, data), topic: fourPartitions, partition });

const counted = (stream: string, revision: number, data: Counted): ProducerRecord => ({
  topic,
  key: stream,
  value: Buffer.from(JSON.stringify({ recordName: 'ecommerce.counting.Counted', data })),
  headers: { [eventHeaders.eventId]: randomUUID(), [eventHeaders.type]: 'Counted', [eventHeaders.stream]: stream, [eventHeaders.revision]: String(revision), [eventHeaders.position]: String(revision + 1) },
});

/** A read store whose guarded writes fail for the next `failures` calls, as during an outage. */
function createFailingStore(inner: ReadStore, outage: { failures: number }): ReadStore {
  return {
    ...inner,
    collection<T extends Document>(name: string): ReadCollection<T> {
      const collection = inner.collection<T>(name);
      return {
        ...collection,
        name: collection.name,
        replaceManyIfNewer: (writes) => (outage.failures-- > 0 ? Promise.reject(new Error('connection to the read store lost')) : collection.replaceManyIfNewer(writes)),
      };
    },
  };
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe.each(targets)('projection runner on $name', (target) => {
  let dir: string;
  let log: Log;
  let readStore: ReadStore;
  const counter = (stream: string) => readStore.collection<CounterDocument>('counters_v1').findOne({ _id: stream });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'projection-runner-'));
    log = target.openLog(dir);
    readStore = openEmbeddedReadStore(path.join(dir, 'read.db'));
    await log.ensureTopics([{ topic, partitions: 1 }, { topic: deadLetterTopic, partitions: 1 }]);
  });
  afterEach(async () => {
    await log.close();
    await readStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const startRunner = async (projection: Projection, store: ReadStore = readStore, consumer: { batchWindowMs?: number; partitionsAtOnce?: number } = {}) => {
    const runner = createProjectionRunner({ projection, version: 1, log, serde: jsonSerde, readStore: store, logger: silentLogger, retry: { baseMs: 5 }, isKnownType: (type) => type === 'Counted', ...consumer });
    await runner.start();
    return runner;
  };

  /** Runs the projection on a store whose writes fail `failures` times, until `caughtUp`: every failure was met and nothing dead-lettered. */
  const catchesUpThroughOutage = async (projection: Projection, failures: number, caughtUp: () => Promise<boolean>, consumer: { partitionsAtOnce?: number } = {}) => {
    const outage = { failures };
    const runner = await startRunner(projection, createFailingStore(readStore, outage), consumer);
    try {
      await waitFor('every event applied', caughtUp, 30_000);
    } finally {
      await runner.stop();
    }
    expect(outage.failures).toBeLessThan(0);
    expect(await listDeadLetters(log)).toEqual([]);
  };

  it('sees itself at the end of an input written in transactions, markers included, as events keep coming', async () => {
    const runner = await startRunner(createCountingProjection({ flakyFailures: 0, applyCalls: new Map() }));
    const producer = log.createProducer({ transactionalId: `counting-${randomUUID()}` });
    try {
      let previous = 0;
      for (const n of [1, 2, 3]) {
        await producer.transaction((tx) => tx.send([counted('s1', n - 1, { n })]));
        // the commit marker is written after the transaction ends
        await waitFor('the transaction in the end offset', async () => ((await log.endOffsets(topic))[0] ?? 0) > previous);
        const [end = 0] = await log.endOffsets(topic);
        await waitFor(`the lag check at offset ${end} or past it`, () => {
          const progress = runner.progress().partitions[`${topic}/0`];
          return progress !== undefined && progress.offset >= end && progress.offset === progress.endOffset;
        });
        previous = end;
      }
      expect((await counter('s1'))?.total).toBe(6);
    } finally {
      await producer.close();
      await runner.stop();
    }
  });

  it('dead-letters once an event its evolve keeps throwing on, applies the events after it, and waits longer on retriable errors', async () => {
    const applyCalls = new Map<number, number>();
    const projection = createCountingProjection({ flakyFailures: 5, applyCalls });
    const producer = log.createProducer();
    const stream = `counter-${randomUUID()}`;
    await producer.send([counted(stream, 0, { n: 1 }), counted(stream, 1, { n: 2, flaky: true }), counted(stream, 2, { n: 4, poison: true }), counted(stream, 3, { n: 8 }), counted(stream, 4, { n: 16 })]);
    await producer.close();

    let runner = await startRunner(projection);
    try {
      await waitFor('the events after the poison one applied', async () => (await counter(stream))?.total === 1 + 2 + 8 + 16);
      await waitFor('offsets committed', async () => (await log.committedOffsets('projection.counting.v1', topic))[0] === 5);
    } finally {
      await runner.stop();
    }
    // A restart redelivers nothing: the poison event is dead-lettered once.
    runner = await startRunner(projection);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await runner.stop();

    expect((await counter(stream))?.seen).toEqual([1, 2, 8, 16]);
    const letters = await listDeadLetters(log);
    expect(letters).toHaveLength(1);
    const [letter] = letters;
    expect(letter?.source).toEqual({ kind: 'message', groupId: 'projection.counting.v1', topic, partition: 0, offset: 2 });
    expect(letter?.reason).toMatch(/counting could not apply Counted .* after 3 attempts: TypeError: cannot count 4/);
    expect(letter?.attempts).toBe(3);
    expect(JSON.parse(letter?.value?.toString() ?? '{}')).toMatchObject({ data: { n: 4, poison: true } });
    expect(letter?.headers[eventHeaders.stream]).toBe(stream);
    // The retriable error failed 5 times, past the 3 attempts of a plain one, and was applied all the same.
    expect(applyCalls.get(2)).toBe(6);
    // The poison one: its 3 attempts, after one in its batch if the batch reached it.
    expect(applyCalls.get(4)).toBeGreaterThanOrEqual(3);
    expect(applyCalls.get(4)).toBeLessThanOrEqual(4);
  }, 60_000);

  it('with a batch window, applies the first event at once and those that follow within the window in one call', async () => {
    const projection = createCountingProjection({ flakyFailures: 0, applyCalls: new Map() });
    const batches: number[] = [];
    const runner = await startRunner({ ...projection, apply: (store, version, events) => (batches.push(events.length), projection.apply(store, version, events)) }, readStore, { batchWindowMs: 2000 });
    const producer = log.createProducer();
    const stream = `counter-${randomUUID()}`;
    try {
      await producer.send([counted(stream, 0, { n: 1 })]);
      await waitFor('the first event applied', async () => batches.length === 1);
      for (const [index, n] of [2, 4, 8, 16].entries()) {
        await producer.send([counted(stream, index + 1, { n })]);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await waitFor('every event applied', async () => (await counter(stream))?.total === 31);
      expect(batches).toEqual([1, 4]);
    } finally {
      await producer.close();
      await runner.stop();
    }
  }, 60_000);

  it('dead-letters nothing while the read store fails, and catches up once it is back', async () => {
    const projection = createCountingProjection({ flakyFailures: 0, applyCalls: new Map() });
    const producer = log.createProducer();
    const stream = `counter-${randomUUID()}`;
    await producer.send([1, 2, 4, 8].map((n, revision) => counted(stream, revision, { n })));
    await producer.close();

    await catchesUpThroughOutage(projection, 4, async () => (await counter(stream))?.total === 15);
  }, 60_000);

  it('redelivers every batch of a gathered apply while the read store fails, dead-letters nothing, and catches up', async () => {
    await log.ensureTopics([{ topic: fourPartitions, partitions: 4 }]);
    const counting = createCountingProjection({ flakyFailures: 0, applyCalls: new Map() });
    const producer = log.createProducer();
    await producer.send([0, 1, 2, 3].flatMap((partition) => [1, 2].map((n, revision) => countedOn(partition, `q${partition}`, revision, { n: n * (partition + 1) }))));
    await producer.close();
    const everyPartitionApplied = async () => {
      const totals = await Promise.all([0, 1, 2, 3].map(async (partition) => (await counter(`q${partition}`))?.total));
      return totals.every((total, partition) => total === 3 * (partition + 1));
    };
    // the merged apply, then each batch alone, then again after the backoff
    await catchesUpThroughOutage({ ...counting, topics: [fourPartitions] }, 7, everyPartitionApplied, { partitionsAtOnce: 4 });
  }, 60_000);

  it('applies the batches that one fetch hands over in one call, each partition in order, and dead-letters only the event it cannot apply', async () => {
    await log.ensureTopics([{ topic: fourPartitions, partitions: 4 }]);
    const applyCalls = new Map<number, number>();
    const counting = createCountingProjection({ flakyFailures: 0, applyCalls });
    const calls: Array<Array<{ stream: string; n: number }>> = [];
    const projection: Projection = {
      ...counting,
      topics: [fourPartitions],
      apply: (store, version, events) => (calls.push(events.map((event) => ({ stream: event.streamId, n: Number(event.data.n) }))), counting.apply(store, version, events)),
    };
    // Every partition holds events, made visible at once, before the consumer joins: its first fetch hands over a batch of each.
    const producer = log.createProducer({ transactionalId: `writer-${randomUUID()}` });
    await producer.transaction((tx) => tx.send([
      countedOn(0, 'p0', 0, { n: 1 }), countedOn(0, 'p0', 1, { n: 2 }),
      countedOn(1, 'p1', 0, { n: 10 }), countedOn(1, 'p1', 1, { n: 20, poison: true }), countedOn(1, 'p1', 2, { n: 40 }),
      countedOn(2, 'p2', 0, { n: 100 }),
      countedOn(3, 'p3', 0, { n: 1000 }), countedOn(3, 'p3', 1, { n: 2000 }),
    ]));
    await producer.close();
    const runner = await startRunner(projection, readStore, { partitionsAtOnce: 4 });
    try {
      await waitFor('every partition applied', async () => (await counter('p3'))?.total === 3000 && (await counter('p1'))?.total === 50);
      await waitFor('offsets committed', async () => (await log.committedOffsets('projection.counting.v1', fourPartitions)).every((offset) => offset !== null && offset > 0));
    } finally {
      await runner.stop();
    }
    expect((await counter('p0'))?.seen).toEqual([1, 2]);
    expect((await counter('p1'))?.seen).toEqual([10, 40]);
    expect((await counter('p2'))?.seen).toEqual([100]);
    expect((await counter('p3'))?.seen).toEqual([1000, 2000]);
    const letters = await listDeadLetters(log);
    expect(letters.map((letter) => letter.source)).toEqual([{ kind: 'message', groupId: 'projection.counting.v1', topic: fourPartitions, partition: 1, offset: 1 }]);
    // Each partition's events in their order, whichever call held them.
    for (const stream of ['p0', 'p1', 'p3']) {
      for (const call of calls) {
        const ns = call.filter((event) => event.stream === stream).map(({ n }) => n);
        expect(ns).toEqual([...ns].sort((a, b) => a - b));
      }
    }
    if (target.name === 'Kafka') {
      // Kafka hands the batches of a fetch from one broker over together: a call held several
      // partitions' (a call each would have been four), the poison event among them, and failed on
      // it; each batch was then applied alone.
      const streamsOf = (call: ReadonlyArray<{ stream: string }>) => new Set(call.map(({ stream }) => stream));
      expect(streamsOf(calls[0] ?? []).size).toBeGreaterThan(1);
      expect(calls.some((call) => streamsOf(call).size > 1 && call.some(({ n }) => n === 20))).toBe(true);
    } else {
      // the embedded log reads one partition at a time
      expect(calls.every((call) => new Set(call.map(({ stream }) => stream)).size <= 1)).toBe(true);
    }
  }, 60_000);
});
