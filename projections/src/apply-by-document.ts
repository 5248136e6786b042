import { idLists } from '@ecommerce/platform';
import type { Document, ReadCollection, RecordedEvent } from '@ecommerce/platform';

/** What a pure read-model `evolve` sees of an event (`asDeciderEvent` gives its `type` and `data` the domain's types). */
export interface ProjectedEvent {
  type: string;
  data: unknown;
  revision: number;
  occurredAt: string;
}

export interface SingleStreamModel<T extends Document, Fields extends { revision: number }> {
  handles: ReadonlySet<string>;
  /** The document an event belongs to; its stream is the document's one writer. */
  idOf(event: RecordedEvent): string;
  fieldsOf(doc: T): Fields;
  evolve(current: Fields | null, event: ProjectedEvent): Fields | null;
  /**
   * For documents that do not start their stream (a user's stream holds all their notifications):
   * the event each document begins with. It must come once per document and before every other
   * event that changes it (a notification is queued once, first): a batch's fold from it is then
   * the document's whole state, and a second one would reset a document already further on.
   */
  opensDocument?(event: RecordedEvent): boolean;
}

const occurredAtOf = (event: RecordedEvent): string => String(event.metadata.occurredAt ?? event.recordedAt.toISOString());

/** A stream's events from its very first (revision 0) on, none missing. */
export const fromStreamStart = (streamEvents: readonly RecordedEvent[]): boolean => streamEvents.length > 0 && streamEvents.every((event, index) => event.revision === index);

/**
 * The documents of a batch read by `_id` lists, absent ones as null: on MongoDB a round trip for a
 * list of documents (`idLists`, sent side by side) instead of one each.
 */
export async function readByIds<T extends Document>(collection: ReadCollection<T>, ids: readonly string[]): Promise<Map<string, T | null>> {
  const read = new Map<string, T | null>(ids.map((id) => [id, null]));
  const found = await Promise.all(idLists(ids).map(async (list) => (list.length === 1 ? [await collection.findOne({ _id: list[0] })] : collection.find({ _id: { $in: list } }))));
  for (const doc of found.flat()) if (doc) read.set(doc._id, doc);
  return read;
}

/** Each stream's revisions in the batch, of every type. */
const revisionsByStream = (events: readonly RecordedEvent[]): Map<string, Set<number>> => {
  const revisions = new Map<string, Set<number>>();
  for (const event of events) {
    const held = revisions.get(event.streamId);
    if (held) held.add(event.revision);
    else revisions.set(event.streamId, new Set([event.revision]));
  }
  return revisions;
};

/**
 * The document's events in the batch begin with its opener and follow their stream's order, and the
 * batch holds every revision of that stream (of any type or document) from the opener to the
 * document's last event in it: nothing the batch lacks can have changed the document.
 */
function openedInBatch(documentEvents: readonly RecordedEvent[], opens: (event: RecordedEvent) => boolean, revisions: Map<string, Set<number>>): boolean {
  const [first] = documentEvents;
  if (!first || !opens(first)) return false;
  const held = revisions.get(first.streamId);
  let previous = first.revision - 1;
  for (const event of documentEvents) {
    if (event.streamId !== first.streamId || event.revision <= previous) return false;
    for (let revision = previous + 1; revision < event.revision; revision++) if (!held?.has(revision)) return false;
    previous = event.revision;
  }
  return true;
}

/**
 * For read models fed by one stream per document (an order, a cart, a SKU): a batch is folded
 * per document and written once, guarded by the last revision folded. Events at or below the
 * document's revision are skipped, so redelivery changes nothing. A document is read before only
 * when the batch lacks some of its stream's events from the first on, or, with `opensDocument`,
 * some from the document's opening event to its last in the batch, or holds them out of order.
 */
export async function applyByDocument<T extends Document, Fields extends { revision: number }>(
  collection: ReadCollection<T>,
  model: SingleStreamModel<T, Fields>,
  events: readonly RecordedEvent[],
): Promise<void> {
  const byDocument = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    if (!model.handles.has(event.type)) continue;
    const id = model.idOf(event);
    const documentEvents = byDocument.get(id);
    if (documentEvents) documentEvents.push(event);
    else byDocument.set(id, [event]);
  }
  const opens = model.opensDocument;
  const revisions = opens ? revisionsByStream(events) : undefined;
  const unread = (documentEvents: readonly RecordedEvent[]): boolean =>
    fromStreamStart(documentEvents) || (opens !== undefined && revisions !== undefined && openedInBatch(documentEvents, opens, revisions));
  const at = Date.now();
  // A document whose stream's events from its first on are all in the batch is folded from
  // nothing, unread: that fold is its whole state, whatever the store holds, and the guarded
  // write leaves a stored document as new or newer alone (a redelivery). A gap (a dead letter
  // replayed after its stream's later events, or events of other documents or types between)
  // means the store may hold what the batch lacks: it is read. So is a document opened inside
  // a longer stream whose events from its opening one on are not all here.
  const read = await readByIds(collection, [...byDocument].flatMap(([id, documentEvents]) => (unread(documentEvents) ? [] : [id])));
  for (const id of byDocument.keys()) if (!read.has(id)) read.set(id, null);
  const writes = [...byDocument].map(([id, documentEvents]) => {
    const current = read.get(id) ?? null;
    let fields = current && model.fieldsOf(current);
    let last: RecordedEvent | undefined;
    for (const event of documentEvents) {
      if (fields && fields.revision >= event.revision) continue;
      const next = model.evolve(fields, { type: event.type, data: event.data, revision: event.revision, occurredAt: occurredAtOf(event) });
      if (!next) continue;
      fields = next;
      last = event;
    }
    return fields && last ? { id, doc: { ...fields, _id: id } as unknown as Omit<T, '_revisions'>, guard: { stream: last.streamId, revision: last.revision } } : null;
  });
  const due = writes.filter((write) => write !== null);
  // the documents just read are the state the writes are guarded against: not read a second time
  if (due.length > 0) await collection.replaceManyIfNewer(due, { docs: read, at });
}

/** A document without the store's fields. */
export function withoutStoreFields<T extends Document>(doc: T): Omit<T, '_id' | '_revisions'> {
  const { _id: _unusedId, _revisions: _unusedRevisions, ...fields } = doc;
  return fields;
}
