import type { Document, RecordedEvent } from '@ecommerce/platform';
import { countingReads } from './counting-reads.fixture';
import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { applyByDocument, readByIds } from './apply-by-document';
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

/** Many documents in one stream, each begun by an `Opened` event (as a user's notifications are). */
const inboxEvent = (revision: number, type: 'Opened' | 'Marked' | 'Sent', messageId: string, name: string = type, streamId = 'inbox-u'): RecordedEvent => ({
  id: `${streamId}-${revision}`, type, streamId, revision, position: 100 + revision,
  data: { messageId, name }, metadata: {}, recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 1, revision)),
});

const inboxModel: SingleStreamModel<Counter, CounterFields> = {
  ...model,
  handles: new Set(['Opened', 'Marked']),
  idOf: (recorded) => (recorded.data as { messageId: string }).messageId,
  opensDocument: (recorded) => recorded.type === 'Opened',
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

  it('reads the documents a batch continues in one query, and folds each from its own', async () => {
    await applyByDocument(counters(), model, ['a', 'b', 'c'].map((id) => event(id, 0, `${id}0`)));
    const watched = countingReads(counters());
    // a and c go on from what is stored, d starts in the batch, b is not in it
    await applyByDocument(watched.collection, model, [event('a', 1, 'a1'), event('d', 0, 'd0'), event('c', 1, 'c1'), event('a', 2, 'a2')]);
    expect({ reads: watched.reads(), queries: watched.queries() }).toEqual({ reads: 2, queries: 1 });
    expect(await counters().find({}, { sort: { _id: 1 } })).toEqual([
      expect.objectContaining({ _id: 'a', count: 3, names: ['a0', 'a1', 'a2'], revision: 2 }),
      expect.objectContaining({ _id: 'b', count: 1, names: ['b0'], revision: 0 }),
      expect.objectContaining({ _id: 'c', count: 2, names: ['c0', 'c1'], revision: 1 }),
      expect.objectContaining({ _id: 'd', count: 1, names: ['d0'], revision: 0 }),
    ]);
  });

  it('reads a large batch\'s documents in lists of 500 ids, every one found', async () => {
    const ids = Array.from({ length: 1201 }, (_, n) => `c${n}`);
    await counters().insertMany(ids.filter((_, n) => n % 2 === 0).map((id) => ({ _id: id, count: 1, names: [], revision: 0 })));
    const watched = countingReads(counters());
    const read = await readByIds(watched.collection, ids);
    expect({ reads: watched.reads(), queries: watched.queries() }).toEqual({ reads: 1201, queries: 3 });
    expect([...read].filter(([, doc]) => doc !== null).map(([id]) => id)).toEqual(ids.filter((_, n) => n % 2 === 0));
    expect(read.get('c1')).toBeNull();
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

  describe('with documents opened inside a longer stream', () => {
    const messages = () => opened.store.collection<Counter>('messages');

    it('does not read a document whose opening event and all its stream\'s events after it are in the batch, whatever their types', async () => {
      const watched = countingReads(messages());
      await applyByDocument(watched.collection, inboxModel, [inboxEvent(3, 'Opened', 'm1'), inboxEvent(4, 'Sent', 'm1'), inboxEvent(5, 'Marked', 'm1'), inboxEvent(6, 'Opened', 'm2')]);
      expect(watched.reads()).toBe(0);
      expect(await messages().findOne({ _id: 'm1' })).toMatchObject({ names: ['Opened', 'Marked'], revision: 5 });
      expect(await messages().findOne({ _id: 'm2' })).toMatchObject({ names: ['Opened'], revision: 6 });
      // a batch without its opener reads it
      await applyByDocument(watched.collection, inboxModel, [inboxEvent(7, 'Marked', 'm2')]);
      expect(watched.reads()).toBe(1);
      expect(await messages().findOne({ _id: 'm2' })).toMatchObject({ names: ['Opened', 'Marked'], revision: 7 });
    });

    it('reads a document when its stream\'s events between its opener and its last are not all in the batch (a dead letter replayed)', async () => {
      await applyByDocument(messages(), inboxModel, [inboxEvent(3, 'Opened', 'm1'), inboxEvent(4, 'Marked', 'm1', 'first')]);
      // the opener replayed, then an event appended after the replay: revision 4 is not in this batch
      const watched = countingReads(messages());
      await applyByDocument(watched.collection, inboxModel, [inboxEvent(3, 'Opened', 'm1'), inboxEvent(5, 'Marked', 'm1', 'second')]);
      expect(watched.reads()).toBe(1);
      expect(await messages().findOne({ _id: 'm1' })).toMatchObject({ names: ['Opened', 'first', 'second'], revision: 5 });
    });

    it('reads a document whose stream\'s gap is filled only by another stream\'s revision', async () => {
      await applyByDocument(messages(), inboxModel, [inboxEvent(3, 'Opened', 'm1'), inboxEvent(4, 'Marked', 'm1', 'first')]);
      const watched = countingReads(messages());
      await applyByDocument(watched.collection, inboxModel, [inboxEvent(3, 'Opened', 'm1'), inboxEvent(4, 'Opened', 'm9', 'Opened', 'inbox-v'), inboxEvent(5, 'Marked', 'm1', 'second')]);
      expect(watched.reads()).toBe(1);
      expect(await messages().findOne({ _id: 'm1' })).toMatchObject({ names: ['Opened', 'first', 'second'], revision: 5 });
    });

    it('reads a document whose events in the batch are out of their stream\'s order, and leaves a newer one alone when its opener comes again', async () => {
      await applyByDocument(messages(), inboxModel, [inboxEvent(3, 'Opened', 'm1'), inboxEvent(4, 'Marked', 'm1')]);
      const watched = countingReads(messages());
      // revision 4 comes again after 5 (replayed): folded from nothing, 4 would be lost
      await applyByDocument(watched.collection, inboxModel, [inboxEvent(3, 'Opened', 'm1'), inboxEvent(5, 'Marked', 'm1', 'later'), inboxEvent(4, 'Marked', 'm1')]);
      expect(watched.reads()).toBe(1);
      const newer = await messages().findOne({ _id: 'm1' });
      expect(newer).toMatchObject({ names: ['Opened', 'Marked', 'later'], revision: 5 });
      // redelivered alone, unread: the guarded write keeps what is newer
      await applyByDocument(watched.collection, inboxModel, [inboxEvent(3, 'Opened', 'm1')]);
      expect(watched.reads()).toBe(1);
      expect(await messages().findOne({ _id: 'm1' })).toEqual(newer);
    });
  });
});
