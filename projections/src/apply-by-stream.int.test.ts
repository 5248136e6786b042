import type { Document, RecordedEvent } from '@ecommerce/platform';
import { countingReads } from './counting-reads.fixture';
import { testReadStores } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import type { TestReadStore } from '@ecommerce/platform/src/read-store/test-stores.fixture';
import { applyByStream, streamKind } from './apply-by-stream';
import type { StreamSliceModel } from './apply-by-stream';

/** A parcel written by its own stream (opener) and by the stream of its label. */
type Parcel = Document & { steps?: string[]; label?: string[] };

const event = (stream: string, type: string, revision: number, step: string): RecordedEvent => ({
  id: `${stream}-${revision}`, type, streamId: stream, revision, position: revision + 1,
  data: { parcelId: stream.slice(stream.indexOf('-') + 1), step }, metadata: {}, recordedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, revision)),
});

const slice = (field: 'steps' | 'label', type: string, opensDocument: boolean): StreamSliceModel<Parcel, string[]> => ({
  handles: new Set([type]),
  idOf: (recorded) => (recorded.data as { parcelId: string }).parcelId,
  sliceOf: (doc) => doc[field] ?? null,
  evolve: (current, { data }) => [...(current ?? []), (data as { step: string }).step],
  fieldsOf: (steps) => ({ [field]: steps }),
  opensDocument,
});

const kinds = [streamKind(slice('steps', 'Stepped', true)), streamKind(slice('label', 'Labelled', false))];

describe.each(testReadStores)('applyByStream on the %s read store', (_name, open) => {
  let opened: TestReadStore;
  const parcels = () => opened.store.collection<Parcel>('parcels');

  beforeEach(async () => {
    opened = await open();
  });
  afterEach(async () => {
    await opened.cleanup();
  });

  it('does not read a document its opening stream starts in the batch, and reads it for a stream that began before', async () => {
    const watched = countingReads(parcels());
    await applyByStream(watched.collection, kinds, [event('parcel-p1', 'Stepped', 0, 'packed'), event('parcel-p1', 'Stepped', 1, 'sealed')]);
    expect(watched.reads()).toBe(0);
    // the label's stream starts here too, but does not open the document: it is read
    await applyByStream(watched.collection, kinds, [event('label-p1', 'Labelled', 0, 'printed')]);
    expect(watched.reads()).toBe(1);
    await applyByStream(watched.collection, kinds, [event('parcel-p1', 'Stepped', 2, 'sent')]);
    expect(watched.reads()).toBe(2);
    expect(await parcels().findOne({ _id: 'p1' })).toMatchObject({ steps: ['packed', 'sealed', 'sent'], label: ['printed'] });
  });

  it('reads the documents a batch continues in one query, not those its openers start', async () => {
    await applyByStream(parcels(), kinds, [event('parcel-p1', 'Stepped', 0, 'packed'), event('parcel-p2', 'Stepped', 0, 'packed')]);
    const watched = countingReads(parcels());
    await applyByStream(watched.collection, kinds, [event('parcel-p1', 'Stepped', 1, 'sealed'), event('parcel-p3', 'Stepped', 0, 'packed'), event('label-p2', 'Labelled', 0, 'printed')]);
    expect({ reads: watched.reads(), queries: watched.queries() }).toEqual({ reads: 2, queries: 1 });
    expect(await parcels().find({}, { sort: { _id: 1 } })).toEqual([
      expect.objectContaining({ _id: 'p1', steps: ['packed', 'sealed'] }),
      expect.objectContaining({ _id: 'p2', steps: ['packed'], label: ['printed'] }),
      expect.objectContaining({ _id: 'p3', steps: ['packed'] }),
    ]);
  });

  it('reads the document when its opener starts in the batch beside a stream that began before', async () => {
    await applyByStream(parcels(), kinds, [event('label-p1', 'Labelled', 0, 'printed')]);
    const watched = countingReads(parcels());
    await applyByStream(watched.collection, kinds, [event('parcel-p1', 'Stepped', 0, 'packed'), event('label-p1', 'Labelled', 1, 'stuck')]);
    expect(watched.reads()).toBe(1);
    expect(await parcels().findOne({ _id: 'p1' })).toMatchObject({ steps: ['packed'], label: ['printed', 'stuck'] });
  });

  it('keeps what another stream wrote first, and what is newer, when the opening batch arrives after it or again', async () => {
    // the label's partition ran ahead: its stream wrote the document before the opener's first batch
    await applyByStream(parcels(), kinds, [event('label-p1', 'Labelled', 0, 'printed')]);
    await applyByStream(parcels(), kinds, [event('parcel-p1', 'Stepped', 0, 'packed'), event('parcel-p1', 'Stepped', 1, 'sealed')]);
    expect(await parcels().findOne({ _id: 'p1' })).toMatchObject({ steps: ['packed', 'sealed'], label: ['printed'] });
    // a later step, then the opening batch delivered again: nothing goes back
    await applyByStream(parcels(), kinds, [event('parcel-p1', 'Stepped', 2, 'sent')]);
    await applyByStream(parcels(), kinds, [event('parcel-p1', 'Stepped', 0, 'packed'), event('parcel-p1', 'Stepped', 1, 'sealed')]);
    expect(await parcels().findOne({ _id: 'p1' })).toMatchObject({ steps: ['packed', 'sealed', 'sent'], label: ['printed'] });
  });
});
