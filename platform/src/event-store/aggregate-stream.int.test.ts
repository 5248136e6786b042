import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { aggregateStream, createStreamStateCache } from './aggregate-stream';
import type { StreamFold } from './aggregate-stream';
import type { EventStore } from './port';
import { createSqliteEventStore } from './sqlite';

type CounterEvent = { type: 'Added'; data: { amount: number } } | { type: 'Reset'; data: Record<string, never> };

const createTestCounter = (overrides: Partial<StreamFold<CounterEvent, number>> = {}): StreamFold<CounterEvent, number> => ({
  initialState: () => 0,
  evolve: (total, event) => (event.type === 'Added' ? total + event.data.amount : 0),
  ...overrides,
});

describe('aggregateStream', () => {
  let store: EventStore;
  beforeEach(() => {
    store = createSqliteEventStore(new Database(':memory:'));
  });
  afterEach(() => store.close());

  const append = (streamId: string, events: CounterEvent[]) =>
    store.append(streamId, events.map((event, index) => ({ id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, type: event.type, data: event.data })));

  it('folds a missing stream to the initial state at revision -1', async () => {
    expect(await aggregateStream(store, 'counter-none', createTestCounter())).toEqual({ state: 0, revision: -1, events: [] });
  });

  it('folds every event of the stream, in order, with its type and data', async () => {
    await append('counter-1', [{ type: 'Added', data: { amount: 2 } }, { type: 'Reset', data: {} }, { type: 'Added', data: { amount: 5 } }]);
    const folded = await aggregateStream(store, 'counter-1', createTestCounter());
    expect(folded.state).toBe(5);
    expect(folded.revision).toBe(2);
    expect(folded.events).toEqual([{ type: 'Added', data: { amount: 2 } }, { type: 'Reset', data: {} }, { type: 'Added', data: { amount: 5 } }]);
  });

  it('folds up to a revision, inclusive: the state as it was then', async () => {
    await append('counter-2', [{ type: 'Added', data: { amount: 2 } }, { type: 'Added', data: { amount: 3 } }, { type: 'Reset', data: {} }]);
    expect(await aggregateStream(store, 'counter-2', createTestCounter(), { upToRevision: 1 })).toMatchObject({ state: 5, revision: 1 });
    expect(await aggregateStream(store, 'counter-2', createTestCounter(), { upToRevision: -1 })).toEqual({ state: 0, revision: -1, events: [] });
  });

  it('starts each fold from a fresh initial state', async () => {
    await append('counter-3', [{ type: 'Added', data: { amount: 1 } }]);
    const initialState = jest.fn(() => 10);
    await aggregateStream(store, 'counter-3', createTestCounter({ initialState }));
    await aggregateStream(store, 'counter-3', createTestCounter({ initialState }));
    expect(initialState).toHaveBeenCalledTimes(2);
  });
});

describe('createStreamStateCache', () => {
  let store: EventStore;
  let reads: Array<{ streamId: string; fromRevision?: number }>;
  beforeEach(() => {
    const sqlite = createSqliteEventStore(new Database(':memory:'));
    reads = [];
    store = { ...sqlite, readStream: (streamId, options) => {
      reads.push({ streamId, fromRevision: options?.fromRevision });
      return sqlite.readStream(streamId, options);
    } };
  });
  afterEach(() => store.close());

  const add = (streamId: string, ...amounts: number[]) =>
    store.append(streamId, amounts.map((amount) => ({ id: randomUUID(), type: amount < 0 ? 'Reset' : 'Added', data: amount < 0 ? {} : { amount } })));

  it('gives what aggregateStream gives, reading only the events appended since the revision it holds', async () => {
    const cache = createStreamStateCache(store, createTestCounter());
    await add('counter-a', 2, 3);
    expect(await cache.aggregate('counter-a')).toEqual({ state: 5, revision: 1 });
    expect(await cache.aggregate('counter-a')).toEqual({ state: 5, revision: 1 });
    await add('counter-a', -1, 4);
    expect(await cache.aggregate('counter-a')).toEqual({ state: 4, revision: 3 });
    expect(await aggregateStream(store, 'counter-a', createTestCounter())).toMatchObject({ state: 4, revision: 3 });
    expect(reads.slice(0, 3)).toEqual([{ streamId: 'counter-a', fromRevision: undefined }, { streamId: 'counter-a', fromRevision: 2 }, { streamId: 'counter-a', fromRevision: 2 }]);
  });

  it('reads a stream once for the requests of one turn, each stream apart', async () => {
    const cache = createStreamStateCache(store, createTestCounter());
    await add('counter-d', 2);
    await add('counter-e', 3);
    const answers = await Promise.all([cache.aggregate('counter-d'), cache.aggregate('counter-e'), cache.aggregate('counter-d'), cache.aggregate('counter-d')]);
    expect(answers).toEqual([{ state: 2, revision: 0 }, { state: 3, revision: 0 }, { state: 2, revision: 0 }, { state: 2, revision: 0 }]);
    expect(reads).toEqual([{ streamId: 'counter-d', fromRevision: undefined }, { streamId: 'counter-e', fromRevision: undefined }]);
    await cache.aggregate('counter-d');
    expect(reads).toHaveLength(3);
  });

  it('never answers a request with a read begun before it was asked', async () => {
    // A store far away: what it reads is on its way back for a while, as on EventStoreDB.
    const distant: EventStore = { ...store, readStream: async (streamId, options) => {
      const recorded = await store.readStream(streamId, options);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return recorded;
    } };
    const cache = createStreamStateCache(distant, createTestCounter());
    await add('counter-f', 1);
    const first = cache.aggregate('counter-f');
    await add('counter-f', 10);
    const second = cache.aggregate('counter-f');
    expect(await second).toEqual({ state: 11, revision: 1 });
    // The first read began at its turn's end, before the append it did not wait for was committed.
    expect(await first).toEqual({ state: 1, revision: 0 });
  });

  it('gives every request of a failed read its error, and reads again for the next', async () => {
    const failing: EventStore = { ...store, readStream: () => Promise.reject(new Error('store down')) };
    const cache = createStreamStateCache(failing, createTestCounter());
    const outcomes = await Promise.allSettled([cache.aggregate('counter-g'), cache.aggregate('counter-g')]);
    expect(outcomes.map((outcome) => outcome.status === 'rejected' && (outcome.reason as Error).message)).toEqual(['store down', 'store down']);
    await expect(cache.aggregate('counter-g')).rejects.toThrow('store down');
  });

  it('holds no missing stream, and reads a stream pushed out by others again from its start', async () => {
    const cache = createStreamStateCache(store, createTestCounter(), { maxStreams: 2 });
    expect(await cache.aggregate('counter-none')).toEqual({ state: 0, revision: -1 });
    await add('counter-none', 7);
    expect(await cache.aggregate('counter-none')).toEqual({ state: 7, revision: 0 });
    await add('counter-b', 1);
    await add('counter-c', 2);
    for (const streamId of ['counter-b', 'counter-c', 'counter-none']) await cache.aggregate(streamId);
    expect(reads.map((read) => read.fromRevision)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    // counter-b was read least lately of the three: pushed out, read from its start; counter-none is still held.
    await cache.aggregate('counter-b');
    await cache.aggregate('counter-none');
    expect(reads.slice(5)).toEqual([{ streamId: 'counter-b', fromRevision: undefined }, { streamId: 'counter-none', fromRevision: 1 }]);
  });
});
