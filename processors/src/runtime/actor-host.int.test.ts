import { randomUUID } from 'node:crypto';
import { AppError, ValidationError, deadLetterTopic } from '@ecommerce/platform';
import type { EventStore, Log, LogMessage } from '@ecommerce/platform';
import type { ActorDefinition } from './actor';
import { createActorHost, messageIdHeader } from './actor-host';
import { createActorStateStore, snapshotStreamOf } from './actor-state';
import { dlqHeaders, listDeadLetters, replayDeadLetter } from './dead-letters';
import { decodeInboxMessage, encodeInboxMessage } from './inbox';
import { logTargets, openEventStore, readTopic, silentLogger, waitFor } from './test-support.fixture';

// A test-only counter actor: `Add` adds its amount; each event records the total after it, so a
// wrong state (bad cache, bad snapshot) shows in the stream itself.
interface Add { type: 'Add'; key: string; seq: number; amount: number }
interface Added { type: 'Added'; data: { seq: number; amount: number; totalAfter: number } }
interface Counter { total: number; count: number }

function createCounterActor(behaviour: { failRetriably?: Map<number, number>; rejectNegative?: () => boolean; decideCalls?: Map<number, number>; crashOn?: number } = {}): ActorDefinition<Add, Add, Added, Counter> {
  return {
    type: 'counter',
    keyOf: (message) => message.key,
    streamIdOf: (key) => `counter-${key}`,
    decode(raw: LogMessage) {
      const body = decodeInboxMessage(raw);
      if (body.type !== 'Add' || typeof body.key !== 'string' || typeof body.seq !== 'number' || typeof body.amount !== 'number') throw new Error('not an Add');
      return body as unknown as Add;
    },
    toCommand: (message) => message,
    decider: {
      initialState: () => ({ total: 0, count: 0 }),
      evolve: (state, event) => ({ total: event.data.totalAfter, count: state.count + 1 }),
      decide(command, state) {
        behaviour.decideCalls?.set(command.seq, (behaviour.decideCalls.get(command.seq) ?? 0) + 1);
        const failuresLeft = behaviour.failRetriably?.get(command.seq) ?? 0;
        if (failuresLeft > 0) {
          behaviour.failRetriably?.set(command.seq, failuresLeft - 1);
          throw new AppError('unavailable', 'flaky dependency', { retriable: true });
        }
        if (command.amount < 0 && (behaviour.rejectNegative?.() ?? true)) throw new ValidationError(`amount ${command.amount} is negative`);
        if (command.seq === behaviour.crashOn) throw new TypeError(`a bug met seq ${command.seq}`);
        return { type: 'Added', data: { seq: command.seq, amount: command.amount, totalAfter: state.total + command.amount } };
      },
    },
  };
}

const inbox = 'ecommerce.counter.inbox';
const add = (key: string, seq: number, amount = 1) => ({
  topic: inbox,
  key,
  value: encodeInboxMessage({ type: 'Add', key, seq, amount }),
  headers: { [messageIdHeader]: randomUUID() },
});

async function streamOf(eventStore: EventStore, key: string) {
  return (await eventStore.readStream(`counter-${key}`)).map((event) => event.data as Added['data']);
}

/**
 * The store as a host sees it when another writer appends to `key`'s stream (seq -1, total 100)
 * just before the host's first append of several events there, whose expected revision is then
 * stale. Each append to that stream is recorded by its events' seqs: tried, and gone through.
 */
function withInterloper(eventStore: EventStore, key: string) {
  const streamId = `counter-${key}`;
  const tried: number[][] = [];
  const appended: number[][] = [];
  let interloped = false;
  const store: EventStore = Object.assign(Object.create(eventStore) as EventStore, {
    append: async (...args: Parameters<EventStore['append']>) => {
      const seqs = args[1].map((event) => (event.data as Added['data']).seq);
      if (!interloped && args[0] === streamId && args[1].length > 1) {
        interloped = true;
        await eventStore.append(streamId, [{ id: randomUUID(), type: 'Added', data: { seq: -1, amount: 100, totalAfter: 100 } }]);
      }
      if (args[0] === streamId) tried.push(seqs);
      const result = await eventStore.append(...args);
      if (args[0] === streamId) appended.push(seqs);
      return result;
    },
  });
  return { store, tried, appended, interloped: () => interloped };
}

function startHost(log: Log, eventStore: EventStore, actor: ActorDefinition<Add, Add, Added, Counter>, overrides: { groupId?: string; cacheSize?: number; snapshotEvery?: number; maxAttempts?: number } = {}) {
  return createActorHost({
    log,
    eventStore,
    actor,
    groupId: overrides.groupId ?? 'counter-actor',
    inboxTopic: inbox,
    logger: silentLogger,
    cacheSize: overrides.cacheSize ?? 1000,
    snapshotEvery: overrides.snapshotEvery ?? 0,
    maxAttempts: overrides.maxAttempts ?? 5,
    dlq: {},
    retryBaseMs: 5,
  });
}

for (const target of logTargets()) {
  describe(`actor host (${target.name})`, () => {
    let log: Log;
    let eventStore: EventStore;
    beforeEach(async () => {
      log = target.open();
      eventStore = openEventStore().eventStore;
      await log.ensureTopics([{ topic: inbox, partitions: 4 }, { topic: deadLetterTopic, partitions: 1 }]);
    });
    afterEach(async () => {
      await log.close();
      await eventStore.close();
    });

    it('appends 2,000 messages over 50 keys to each key stream, in order, and a redelivery appends nothing twice', async () => {
      const producer = log.createProducer();
      const keys = Array.from({ length: 50 }, (_, index) => `k${index}`);
      const sent = Array.from({ length: 2000 }, (_, seq) => add(keys[seq % 50] as string, seq));
      await producer.send(sent);
      const host = startHost(log, eventStore, createCounterActor());
      await host.start();
      const total = async () => (await Promise.all(keys.map((key) => streamOf(eventStore, key)))).reduce((sum, stream) => sum + stream.length, 0);
      try {
        await waitFor('2000 events', async () => (await total()) >= 2000, 60_000);
      } finally {
        await host.stop();
      }
      for (const [index, key] of keys.entries()) {
        const stream = await streamOf(eventStore, key);
        expect(stream.map((event) => event.seq)).toEqual(Array.from({ length: 40 }, (_, n) => n * 50 + index));
        expect(stream.map((event) => event.totalAfter)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
      }
      // Redelivery of everything, as after a crash before any commit: a fresh group reads the inbox from the start.
      const again = startHost(log, eventStore, createCounterActor(), { groupId: 'counter-actor-redelivery' });
      await again.start();
      try {
        await waitFor('the redelivery group to catch up', async () => {
          const committed = await log.committedOffsets('counter-actor-redelivery', inbox);
          const ends = await log.endOffsets(inbox);
          return ends.every((end, partition) => (committed[partition] ?? 0) >= end);
        }, 60_000);
      } finally {
        await again.stop();
        await producer.close();
      }
      expect(await total()).toBe(2000);
      expect(await readTopic(log, deadLetterTopic)).toHaveLength(0);
    }, 120_000);

    it('appends the backlog of one key in a batch at once, and falls back to one at a time when a writer got in between', async () => {
      const producer = log.createProducer();
      await producer.send(Array.from({ length: 60 }, (_, seq) => add('hot', seq)));
      // Once, another writer appends first: the batch's expected revision is stale, so it must redo them one by one.
      const interloper = withInterloper(eventStore, 'hot');
      const host = startHost(log, interloper.store, createCounterActor());
      await host.start();
      try {
        await waitFor('61 events', async () => (await streamOf(eventStore, 'hot')).length >= 61);
      } finally {
        await host.stop();
        await producer.close();
      }
      const stream = await streamOf(eventStore, 'hot');
      expect(stream.map((event) => event.seq)).toEqual([-1, ...Array.from({ length: 60 }, (_, seq) => seq)]);
      expect(stream.map((event) => event.totalAfter)).toEqual(Array.from({ length: 61 }, (_, index) => 100 + index));
      expect(interloper.tried.some((seqs) => seqs.length > 1)).toBe(true);
      expect(await readTopic(log, deadLetterTopic)).toHaveLength(0);
    });

    it('appends the messages without effects between two with one together, and each one with an effect alone, after all before it', async () => {
      const producer = log.createProducer();
      // Amount 10 marks a message whose toCommand acts on the world (an effect); seq 4 and 8 are such.
      const amounts = Array.from({ length: 12 }, (_, seq) => (seq === 4 || seq === 8 ? 10 : 1));
      await producer.send(amounts.map((amount, seq) => add('mix', seq, amount)));
      // Once, another writer appends first: the run's expected revision is stale, so it must redo its messages one by one.
      const interloper = withInterloper(eventStore, 'mix');
      const seenBeforeEffect = new Map<number, number[]>();
      const actor = createCounterActor();
      const mixed: ActorDefinition<Add, Add, Added, Counter> = {
        ...actor,
        effectful: (message) => message.amount === 10,
        async toCommand(message, state, now, context) {
          if (message.amount === 10) seenBeforeEffect.set(message.seq, (await streamOf(eventStore, 'mix')).map((event) => event.seq).filter((seq) => seq >= 0));
          return actor.toCommand(message, state, now, context);
        },
      };
      const host = startHost(log, interloper.store, mixed);
      await host.start();
      try {
        await waitFor('13 events', async () => (await streamOf(eventStore, 'mix')).length >= 13);
      } finally {
        await host.stop();
        await producer.close();
      }
      const stream = await streamOf(eventStore, 'mix');
      expect(stream.map((event) => event.seq).filter((seq) => seq >= 0)).toEqual(amounts.map((_, seq) => seq));
      // Every decision was made on the state the event before it left, the interloper's included.
      stream.forEach((event, index) => expect(event.totalAfter).toBe((stream[index - 1]?.totalAfter ?? 0) + event.amount));
      // Each effect ran with everything before it already appended, and was appended on its own.
      expect(seenBeforeEffect.get(4)).toEqual([0, 1, 2, 3]);
      expect(seenBeforeEffect.get(8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
      expect(interloper.appended.filter((seqs) => seqs.includes(4) || seqs.includes(8))).toEqual([[4], [8]]);
      // A run met the interloper and was redone one message at a time; a later run was appended together.
      expect(interloper.interloped()).toBe(true);
      expect(interloper.appended.some((seqs) => seqs.length > 1)).toBe(true);
      expect(await readTopic(log, deadLetterTopic)).toHaveLength(0);
    });

    it('with a batch window, decides the messages that arrive within it together, in one append', async () => {
      const producer = log.createProducer();
      const appends: number[][] = [];
      const recording: EventStore = Object.assign(Object.create(eventStore) as EventStore, {
        append: async (...args: Parameters<EventStore['append']>) => {
          if (args[0] === 'counter-windowed') appends.push(args[1].map((event) => (event.data as Added['data']).seq));
          return eventStore.append(...args);
        },
      });
      const host = startHost(log, recording, { ...createCounterActor(), batchWindowMs: 3000 });
      let sendsTook: number | undefined;
      await host.start();
      try {
        // The first message after a quiet spell is handled at once; the window starts with it.
        await producer.send([add('windowed', 0)]);
        await waitFor('the first message handled', async () => (await streamOf(eventStore, 'windowed')).length === 1, 20_000);
        const sendsStarted = Date.now();
        for (let seq = 1; seq <= 5; seq += 1) {
          await producer.send([add('windowed', seq)]);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        sendsTook = Date.now() - sendsStarted;
        await waitFor('six events', async () => (await streamOf(eventStore, 'windowed')).length === 6, 20_000);
      } finally {
        await host.stop();
        await producer.close();
      }
      // Sends slower than the window would split the five however the host read them.
      expect({ sendsWithinTheWindow: (sendsTook ?? Infinity) < 1500, appends }).toEqual({ sendsWithinTheWindow: true, appends: [[0], [1, 2, 3, 4, 5]] });
      expect((await streamOf(eventStore, 'windowed')).map((event) => event.totalAfter)).toEqual([1, 2, 3, 4, 5, 6]);
    }, 60_000);

    it('sends a poison message to the DLQ with the reason while other keys go on, and replays a fixed one', async () => {
      const producer = log.createProducer();
      let rejectNegative = true;
      const decideCalls = new Map<number, number>();
      await producer.send([
        add('a', 1),
        { topic: inbox, key: 'a', value: Buffer.from('{ not json'), headers: { [messageIdHeader]: randomUUID(), trace: 'kept' } },
        add('a', 2, -5),
        add('b', 3),
        add('a', 4),
      ]);
      const host = startHost(log, eventStore, createCounterActor({ rejectNegative: () => rejectNegative, decideCalls }));
      await host.start();
      try {
        await waitFor('two dead letters', async () => (await listDeadLetters(log)).length >= 2);
        await waitFor('a and b handled', async () => (await streamOf(eventStore, 'a')).length === 2 && (await streamOf(eventStore, 'b')).length === 1);
        const letters = await listDeadLetters(log);
        const poison = letters.find((letter) => letter.reason.startsWith('undecodable'));
        const rejected = letters.find((letter) => letter.reason.includes('negative'));
        expect(poison?.value?.toString()).toBe('{ not json');
        expect(poison?.headers.trace).toBe('kept');
        expect(poison?.source).toMatchObject({ groupId: 'counter-actor', topic: inbox });
        expect(rejected?.attempts).toBe(1);
        expect(decideCalls.get(2)).toBe(1);
        expect((await streamOf(eventStore, 'a')).map((event) => event.seq)).toEqual([1, 4]);

        rejectNegative = false;
        await replayDeadLetter(log, rejected?.id ?? '');
        await waitFor('the replayed message handled', async () => (await streamOf(eventStore, 'a')).length === 3);
        expect((await streamOf(eventStore, 'a')).map((event) => [event.seq, event.totalAfter])).toEqual([[1, 1], [4, 2], [2, -3]]);
      } finally {
        await host.stop();
        await producer.close();
      }
      const raw = await readTopic(log, deadLetterTopic);
      expect(raw.every((message) => message.headers[dlqHeaders.at] !== undefined)).toBe(true);
    }, 60_000);

    it('retries retriable errors with backoff and then succeeds; exhausted retries go to the DLQ', async () => {
      const producer = log.createProducer();
      const decideCalls = new Map<number, number>();
      const failRetriably = new Map([[1, 2], [2, 100]]);
      await producer.send([add('r', 1), add('s', 2)]);
      const host = startHost(log, eventStore, createCounterActor({ failRetriably, decideCalls }), { maxAttempts: 4 });
      await host.start();
      try {
        await waitFor('r handled', async () => (await streamOf(eventStore, 'r')).length === 1);
        await waitFor('s dead-lettered', async () => (await listDeadLetters(log)).length === 1);
      } finally {
        await host.stop();
        await producer.close();
      }
      expect(decideCalls.get(1)).toBe(3);
      expect(decideCalls.get(2)).toBe(4);
      const [letter] = await listDeadLetters(log);
      expect(letter?.reason).toMatch(/retries exhausted after 4 attempts/);
      expect(await streamOf(eventStore, 's')).toEqual([]);
    }, 60_000);

    it('dead-letters once a message whose handler throws every time, and goes on with the key', async () => {
      const producer = log.createProducer();
      const decideCalls = new Map<number, number>();
      await producer.send([add('k', 1), add('k', 2), add('k', 3)]);
      await producer.close();
      const actor = createCounterActor({ crashOn: 2, decideCalls });
      let host = startHost(log, eventStore, actor);
      await host.start();
      try {
        await waitFor('the key handled past the poison message', async () => (await streamOf(eventStore, 'k')).length === 2);
        await waitFor('offsets committed', async () => {
          const [committed, ends] = await Promise.all([log.committedOffsets('counter-actor', inbox), log.endOffsets(inbox)]);
          return ends.every((end, partition) => (committed[partition] ?? 0) >= end);
        });
      } finally {
        await host.stop();
      }
      // A restart redelivers nothing: one dead letter.
      host = startHost(log, eventStore, actor);
      await host.start();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await host.stop();

      expect((await streamOf(eventStore, 'k')).map((event) => [event.seq, event.totalAfter])).toEqual([[1, 1], [3, 2]]);
      const letters = await listDeadLetters(log);
      expect(letters).toHaveLength(1);
      expect(letters[0]?.reason).toMatch(/TypeError: a bug met seq 2/);
      expect(JSON.parse(letters[0]?.value?.toString() ?? '{}')).toMatchObject({ type: 'Add', key: 'k', seq: 2 });
    }, 60_000);

    it('gives the same state through LRU eviction and snapshot rehydration', async () => {
      const producer = log.createProducer();
      const keys = Array.from({ length: 10 }, (_, index) => `s${index}`);
      const amounts = (seq: number) => (seq % 7) - 2;
      await producer.send(Array.from({ length: 230 }, (_, seq) => add(keys[seq % 10] as string, seq, amounts(seq) === -1 ? 3 : amounts(seq))));
      const actor = createCounterActor({ rejectNegative: () => false });
      const host = startHost(log, eventStore, actor, { cacheSize: 2, snapshotEvery: 5 });
      await host.start();
      try {
        await waitFor('230 events', async () => (await Promise.all(keys.map((key) => streamOf(eventStore, key)))).every((stream) => stream.length === 23), 60_000);
        expect(host.cachedStates()).toBeLessThanOrEqual(2);
      } finally {
        await host.stop();
        await producer.close();
      }
      const states = createActorStateStore<Counter>({ eventStore, actor, cacheSize: 100, snapshotEvery: 5, logger: silentLogger });
      for (const key of keys) {
        const stream = await streamOf(eventStore, key);
        let running = 0;
        for (const event of stream) {
          running += event.amount;
          expect(event.totalAfter).toBe(running);
        }
        const snapshots = await eventStore.readStream(snapshotStreamOf(`counter-${key}`));
        // One snapshot per append that crossed a multiple of 5 (a key's backlog is appended at once, so some boundaries share one).
        const revisions = snapshots.map((snapshot) => (snapshot.data as { revision: number }).revision);
        expect(revisions.length).toBeGreaterThan(0);
        expect(revisions).toEqual([...new Set(revisions)].sort((a, b) => a - b));
        expect(revisions.at(-1)).toBeGreaterThanOrEqual(19);
        const rehydrated = await states.load(`counter-${key}`, `${inbox}/0`);
        expect(rehydrated.state).toEqual({ total: running, count: 23 });
        expect(rehydrated.revision).toBe(22);
      }
    }, 90_000);
  });
}

