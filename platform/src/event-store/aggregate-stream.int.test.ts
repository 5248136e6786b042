import Database from 'better-sqlite3';
import { aggregateStream } from './aggregate-stream';
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
