/**
 * The read store port: document collections with MongoDB query and update semantics,
 * revision-guarded writes for projections, and checkpoint storage. The embedded adapter
 * (SQLite + mingo) and the MongoDB adapter pass the same contract suite.
 */
export type Filter = Record<string, unknown>;
export type Sort = Record<string, 1 | -1>;

export interface Document {
  _id: string;
  /**
   * Last applied revision per source stream, managed by the guarded writes: a document
   * built from several streams (a product and its SKU's inventory) tracks each one.
   */
  _revisions?: Record<string, number>;
  [field: string]: unknown;
}

export interface FindOptions {
  sort?: Sort;
  limit?: number;
  skip?: number;
}

/** A write applied only when the document's revision for `stream` is older than `revision` (or absent). */
export interface RevisionGuard {
  stream: string;
  revision: number;
}

export interface GuardedReplace<T extends Document = Document> {
  /** The full new document (without `_revisions`; the store maintains it). `null` deletes. */
  id: string;
  doc: Omit<T, '_revisions'> | null;
  guard: RevisionGuard;
}

export interface GuardedUpdate {
  id: string;
  set: Record<string, unknown>;
  guard: RevisionGuard;
  upsert?: boolean;
}

export type GuardOutcome = 'applied' | 'stale';

/**
 * The documents a caller read just before writing them (whole, or at least `_id` and
 * `_revisions`; null for one not found), and when it read them: the many-document writes decide
 * and guard against these revisions instead of reading them again. An id not in `docs` is read,
 * and so is every one when the reading is over a second old (a store may also just ignore it).
 */
export interface ReadBefore {
  docs: ReadonlyMap<string, Document | null>;
  /** `Date.now()` before the reads were sent. */
  at: number;
}

export interface IndexSpec {
  keys: Record<string, 1 | -1>;
  unique?: boolean;
  name?: string;
}

export interface InsertOptions {
  /**
   * The caller hands the documents over: they are plain JSON data (what a find would return) and
   * it never reads or changes them again, so a store that keeps documents in memory keeps these
   * objects rather than copies of them. A rebuild's replayed documents are made for the store alone.
   */
  handedOver?: boolean;
}

export interface ReadCollection<T extends Document = Document> {
  readonly name: string;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter?: Filter): Promise<number>;
  /** Revision-guarded replace (or delete when `doc` is null); idempotent under redelivery. */
  replaceIfNewer(write: GuardedReplace<T>): Promise<GuardOutcome>;
  /** The same for many documents in one round trip; outcomes in input order. */
  replaceManyIfNewer(writes: readonly GuardedReplace<T>[], readBefore?: ReadBefore): Promise<GuardOutcome[]>;
  /**
   * Revision-guarded partial update: `$set` these (possibly dotted) fields only when the
   * guard passes; with `upsert`, a missing document is created from them. Lets two streams
   * (a product and its SKU's stock) write disjoint fields of one document concurrently.
   * `readBefore`, the document as the caller just read it, spares reading it again.
   */
  updateIfNewer(write: GuardedUpdate, readBefore?: ReadBefore): Promise<GuardOutcome>;
  /**
   * The same for many documents at once (one round trip per step on a MongoDB-wire server, not
   * one per document); outcomes in input order. Several writes to one id apply in input order.
   */
  updateManyIfNewer(writes: readonly GuardedUpdate[], readBefore?: ReadBefore): Promise<GuardOutcome[]>;
  /** Unguarded upsert, for documents without a source stream. A document's `_revisions`, when given, are kept as they are. */
  upsert(doc: T): Promise<void>;
  /**
   * The same for many documents in one round trip (a rebuild writing what it staged). On a unique
   * index conflict the embedded store writes none of them; a MongoDB-wire server may have written the others.
   */
  upsertMany(docs: readonly T[]): Promise<void>;
  /**
   * New documents, `_revisions` kept as given: a conflict when one's id is already live, or on a
   * unique index (as with `upsertMany`, the embedded store then writes none of them). Cheaper than
   * upserts where a store looks each id up first (FerretDB): a rebuild's staged documents are new.
   */
  insertMany(docs: readonly T[], options?: InsertOptions): Promise<void>;
  deleteOne(id: string): Promise<boolean>;
  createIndex(spec: IndexSpec): Promise<void>;
  drop(): Promise<void>;
}

/**
 * Writes held back from a store's durable copy and written later, each document once however
 * often it changed meanwhile: a rebuild's next version, which a crash throws away anyway.
 */
export interface WriteStage {
  /** Writes what is held back; what is written afterwards is held back again. */
  flush(): Promise<void>;
  /** Documents changed since the last flush: the caller flushes when it holds too many. */
  stagedDocuments(): number;
  /** Flushes and ends the stage (the store stays open). */
  close(): Promise<void>;
}

export interface CheckpointEntry {
  name: string;
  value: unknown;
}

export interface ReadStore {
  /**
   * The store's own stage for these collections, when it has one (the embedded store: its
   * documents are in memory already, and only the file writes are held back). Writes to them
   * answer once memory has changed, not once durable, until the stage is flushed or closed;
   * reads and queries see them at once. Other stores are staged by `stageWrites`.
   */
  deferWrites?(collections: readonly string[]): WriteStage;
  collection<T extends Document = Document>(name: string): ReadCollection<T>;
  listCollections(): Promise<string[]>;
  getCheckpoint<T = unknown>(name: string): Promise<T | null>;
  /** Several checkpoints in one read (one round trip on a server); a missing one is absent from the map. */
  getCheckpoints(names: readonly string[]): Promise<Map<string, unknown>>;
  setCheckpoint(name: string, value: unknown): Promise<void>;
  /**
   * Several checkpoints in one write (one round trip on a server): a process's projections save
   * their progress together rather than a write each.
   */
  setCheckpoints(entries: ReadonlyArray<CheckpointEntry>): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}
