import { randomUUID } from 'node:crypto';
import type { EventStore } from '@ecommerce/platform';
import type { AnyActorDefinition } from './actor';
import { createActorStateStore, snapshotStreamOf } from './actor-state';
import { openEventStore, silentLogger } from './test-support.fixture';

// A state that says how many entries it holds: the snapshot interval follows its size.
interface Sized { entries: number }

function createSizedActor(): AnyActorDefinition {
  return {
    type: 'sized',
    keyOf: (message: { key: string }) => message.key,
    streamIdOf: (key: string) => `sized-${key}`,
    decode: () => ({ key: 'k' }),
    toCommand: () => null,
    decider: { initialState: (): Sized => ({ entries: 0 }), evolve: (state: Sized) => state, decide: () => [] },
    snapshot: { toData: (state: Sized) => state, fromData: (data: unknown) => data as Sized, sizeOf: (state: Sized) => state.entries },
  };
}

async function snapshotRevisionsAfter(eventStore: EventStore, entries: number, appends: number): Promise<number[]> {
  const states = createActorStateStore<Sized>({ eventStore, actor: createSizedActor(), cacheSize: 10, snapshotEvery: 5, logger: silentLogger });
  const streamId = `sized-${entries}`;
  const entry = await states.load(streamId, 'inbox/0');
  for (let revision = 0; revision < appends; revision += 1) {
    await eventStore.append(streamId, [{ id: randomUUID(), type: 'Sized', data: { entries } }], { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 });
    await states.advanced(streamId, entry, { entries }, revision, [`m-${revision}`]);
  }
  return (await eventStore.readStream(snapshotStreamOf(streamId))).map((snapshot) => (snapshot.data as { revision: number }).revision);
}

describe('actor state snapshots', () => {
  let eventStore: EventStore;
  beforeEach(() => {
    eventStore = openEventStore().eventStore;
  });
  afterEach(async () => {
    await eventStore.close();
  });

  it('snapshots a small state every `snapshotEvery` events', async () => {
    expect(await snapshotRevisionsAfter(eventStore, 3, 22)).toEqual([4, 9, 14, 19]);
  });

  it('snapshots a large state every half of its size in events, so each event pays a bounded share of writing it', async () => {
    expect(await snapshotRevisionsAfter(eventStore, 40, 65)).toEqual([19, 39, 59]);
    expect(await snapshotRevisionsAfter(eventStore, 41, 65)).toEqual([20, 41, 62]);
  });

  it('counts from the snapshot it was rebuilt from', async () => {
    await snapshotRevisionsAfter(eventStore, 3, 7);
    const states = createActorStateStore<Sized>({ eventStore, actor: createSizedActor(), cacheSize: 10, snapshotEvery: 5, logger: silentLogger });
    const entry = await states.load('sized-3', 'inbox/0');
    expect(entry.snapshotRevision).toBe(4);
    await states.advanced('sized-3', entry, { entries: 3 }, 8, ['m-8']);
    await states.advanced('sized-3', entry, { entries: 3 }, 9, ['m-9']);
    expect((await eventStore.readStream(snapshotStreamOf('sized-3'))).map((snapshot) => (snapshot.data as { revision: number }).revision)).toEqual([4, 9]);
  });

  it('loads a stream shorter than `snapshotEvery` in one read, and a longer one from its snapshot', async () => {
    await snapshotRevisionsAfter(eventStore, 3, 4);
    await snapshotRevisionsAfter(eventStore, 4, 7);
    const reads: string[] = [];
    const counted = Object.assign(Object.create(eventStore) as EventStore, {
      readStream: (...args: Parameters<EventStore['readStream']>) => {
        reads.push(args[0]);
        return eventStore.readStream(...args);
      },
    });
    const states = createActorStateStore<Sized>({ eventStore: counted, actor: createSizedActor(), cacheSize: 10, snapshotEvery: 5, logger: silentLogger });
    expect(await states.load('sized-3', 'inbox/0')).toMatchObject({ revision: 3, snapshotRevision: -1 });
    expect(reads).toEqual(['sized-3']);
    reads.length = 0;
    expect(await states.load('sized-4', 'inbox/0')).toMatchObject({ revision: 6, snapshotRevision: 4 });
    expect(reads).toEqual(['sized-4', snapshotStreamOf('sized-4'), 'sized-4']);
  });
});
