import type { Document, RecordedEvent } from '@ecommerce/platform';
import { countingReads } from './counting-reads.fixture';
import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { applyByDocument } from './apply-by-document';
import type { SingleStreamModel } from './apply-by-document';

type Counter = Document & { count: number; names: string[]; revision: number };
type CounterFields = { count: number; names: string[]; revision: number };

const event = (id: string, revision: number, name: string): RecordedEvent => ({
  id: `${id}-${revision}`, type: 'Counted', streamId: `counter-${id}`, revision, position: revision + 1,
  data: { counterId: id, name }, metadata: {}, recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, revision)),
});

const model: SingleStreamModel<Counter, CounterFields> = {
  handles: new Set(['Counted']),
  idOf: (recorded) => (recorded.data as { counterId: string }).counterId,
  fieldsOf: ({ count, names, revision }) => ({ count, names, revision }),
  evolve: (current, { data, revision }) => ({ count: (current?.count ?? 0) + 1, names: [...(current?.names ?? []), (data as { name: string }).name], revision }),
};

describe.each(testReadStores)('applyByDocument on the %s read store', (_name, open) => {
  let opened: TestReadStore;
  const counters = () => opened.store.collection<Counter>('counters');

  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    await opened.cleanup();
  });

  it('folds a stream that starts in the batch without reading its document, and a later batch from what it read', async () => {
    const watched = countingReads(counters());
    await applyByDocument(watched.collection, model, [event('a', 0, 'x'), event('b', 0, 'y'), event('a', 1, 'z')]);
    expect(watched.reads()).toBe(0);
    await applyByDocument(watched.collection, model, [event('a', 2, 'w')]);
    expect(watched.reads()).toBe(1);
    expect(await counters().findOne({ _id: 'a' })).toMatchObject({ count: 3, names: ['x', 'z', 'w'], revision: 2 });
    expect(await counters().findOne({ _id: 'b' })).toMatchObject({ count: 1, names: ['y'], revision: 0 });
  });

  it('reads a document whose stream\'s first event comes again after its later ones (a dead letter replayed)', async () => {
    // revision 0 was dead-lettered; 1 and 2 were applied without it
    await applyByDocument(counters(), model, [event('a', 1, 'y'), event('a', 2, 'z')]);
    const watched = countingReads(counters());
    await applyByDocument(watched.collection, model, [event('a', 0, 'x'), event('a', 3, 'w')]);
    expect(watched.reads()).toBe(1);
    expect(await counters().findOne({ _id: 'a' })).toMatchObject({ count: 3, names: ['y', 'z', 'w'], revision: 3 });
  });

  it('leaves a document alone when a batch from its stream\'s start is delivered again, older or as new', async () => {
    await applyByDocument(counters(), model, [event('a', 0, 'x'), event('a', 1, 'z'), event('a', 2, 'w')]);
    const written = await counters().findOne({ _id: 'a' });
    // redelivered after a crash: the batch that created it, and an earlier, shorter one
    await applyByDocument(counters(), model, [event('a', 0, 'x'), event('a', 1, 'z'), event('a', 2, 'w')]);
    await applyByDocument(counters(), model, [event('a', 0, 'x')]);
    expect(await counters().findOne({ _id: 'a' })).toEqual(written);
    // and one that starts at the beginning and goes further writes the whole fold
    await applyByDocument(counters(), model, [event('a', 0, 'x'), event('a', 1, 'z'), event('a', 2, 'w'), event('a', 3, 'v')]);
    expect(await counters().findOne({ _id: 'a' })).toMatchObject({ count: 4, names: ['x', 'z', 'w', 'v'], revision: 3 });
  });
});
