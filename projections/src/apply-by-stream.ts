import type { Document, GuardedUpdate, ReadCollection, RecordedEvent } from '@ecommerce/platform';
import { fromStreamStart, readByIds } from './apply-by-document';
import type { ProjectedEvent } from './apply-by-document';

/**
 * One kind of stream writing documents that several streams feed, each owning its own fields
 * (an order is written by its order stream, its payment streams and its shipment stream).
 */
export interface StreamSliceModel<T extends Document, Slice> {
  handles: ReadonlySet<string>;
  /** The document an event's stream writes; a stream writes exactly one document. */
  idOf(event: RecordedEvent): string;
  /** The part of `doc` that `stream` owns; null when that stream has not written it yet. */
  sliceOf(doc: T, stream: string): Slice | null;
  evolve(current: Slice | null, event: ProjectedEvent): Slice | null;
  /** The fields `$set` for the slice: top-level or dotted, never another stream's fields. */
  fieldsOf(slice: Slice, stream: string): Record<string, unknown>;
  /**
   * Its stream's first event comes before any other stream writes the document (an order's own
   * stream, before its payments and shipment): a batch that holds its stream's events from the first
   * on, and of the document's other streams only ones it holds from their first, takes the document
   * as absent without reading it. Should another stream have written it first after all, the
   * guarded write meets it and reads it then.
   */
  opensDocument?: boolean;
}

/** A stream's events of a batch folded onto a document: the guarded partial update to write, or null. */
type StreamFold<T extends Document> = (current: T | null, stream: string, events: readonly RecordedEvent[]) => { set: Record<string, unknown>; revision: number } | null;

interface StreamKind<T extends Document> {
  handles: ReadonlySet<string>;
  opensDocument: boolean;
  idOf(event: RecordedEvent): string;
  fold: StreamFold<T>;
}

const occurredAtOf = (event: RecordedEvent): string => String(event.metadata.occurredAt ?? event.recordedAt.toISOString());

/**
 * A model as the batch applier uses it. Events at or below the document's revision for their
 * stream are skipped (the store keeps one revision per stream), so redelivery changes nothing.
 */
export function streamKind<T extends Document, Slice>(model: StreamSliceModel<T, Slice>): StreamKind<T> {
  return {
    handles: model.handles,
    opensDocument: model.opensDocument ?? false,
    idOf: model.idOf,
    fold(current, stream, events) {
      let seen = current?._revisions?.[stream] ?? -1;
      let slice = current && model.sliceOf(current, stream);
      let last: RecordedEvent | undefined;
      for (const event of events) {
        if (event.revision <= seen) continue;
        seen = event.revision;
        const next = model.evolve(slice, { type: event.type, data: event.data, revision: event.revision, occurredAt: occurredAtOf(event) });
        if (!next) continue;
        slice = next;
        last = event;
      }
      return slice && last ? { set: model.fieldsOf(slice, stream), revision: last.revision } : null;
    },
  };
}

/**
 * For documents fed by several streams: a batch's events are folded per stream, and each
 * stream's slice is written once with a guarded partial update. A whole-document replace would
 * lose what another stream wrote between the read and the write; a `$set` of the stream's own
 * fields cannot. Streams may arrive in any interleaving: an event of another stream before the
 * document's first one creates the document with that stream's fields only.
 *
 * The batch's writes go out together (`updateManyIfNewer`: for the documents written once, one
 * bulk write, and on FerretDB one claim insert, instead of a claim and an update per document),
 * guarded against the one read while it is under a second old (read again after); a document with
 * writes of several streams in the batch gets them one after the other, read again: a batch never
 * races itself. Another projections process's batches (of other partitions) may write the same
 * document meanwhile, as another stream: the
 * guarded writes keep each stream's fields and revision its own (on FerretDB, through the write
 * claims, since its filtered updates are not atomic).
 */
export async function applyByStream<T extends Document>(collection: ReadCollection<T>, kinds: readonly StreamKind<T>[], events: readonly RecordedEvent[]): Promise<void> {
  const byDocument = new Map<string, Map<string, { kind: StreamKind<T>; events: RecordedEvent[] }>>();
  for (const event of events) {
    const kind = kinds.find((candidate) => candidate.handles.has(event.type));
    if (!kind) continue;
    const id = kind.idOf(event);
    const streams = byDocument.get(id) ?? new Map<string, { kind: StreamKind<T>; events: RecordedEvent[] }>();
    byDocument.set(id, streams);
    const stream = streams.get(event.streamId);
    if (stream) stream.events.push(event);
    else streams.set(event.streamId, { kind, events: [event] });
  }
  // Read once: each stream's fold sees only its own fields and revision, which the others' writes
  // leave alone. A stream whose events from its first on are all in the batch is folded from
  // nothing whatever the document holds; a document that such streams alone write, one of them its
  // opener, is not read at all.
  const at = Date.now();
  const opened = (streams: Map<string, { kind: StreamKind<T>; events: RecordedEvent[] }>) =>
    [...streams.values()].every(({ events: streamEvents }) => fromStreamStart(streamEvents)) && [...streams.values()].some(({ kind }) => kind.opensDocument);
  const read = await readByIds(collection, [...byDocument].flatMap(([id, streams]) => (opened(streams) ? [] : [id])));
  for (const id of byDocument.keys()) if (!read.has(id)) read.set(id, null);
  const writes: GuardedUpdate[] = [];
  for (const [id, streams] of byDocument) {
    for (const [stream, { kind, events: streamEvents }] of streams) {
      const write = kind.fold(read.get(id) ?? null, stream, streamEvents);
      if (write) writes.push({ id, set: write.set, guard: { stream, revision: write.revision }, upsert: true });
    }
  }
  // what was read is the state the writes are guarded against
  if (writes.length > 0) await collection.updateManyIfNewer(writes, { docs: read, at });
}
