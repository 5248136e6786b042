/** The read store port and its adapters: embedded (SQLite + mingo) and MongoDB. */
export type * from './port';
export { createEmbeddedReadStore, createMemoryReadStore, openEmbeddedReadStore, type EmbeddedReadStoreOptions } from './embedded';
export { idLists, idsSelectedBy } from './id-lists';
export { stageWrites, type StagedReadStore, type StageOptions } from './staged';
export { createMongoReadStore, type MongoReadStoreOptions } from './mongo';
export { isMongoOutage, withMongoOutagesAsUnavailable } from './mongo-outages';
export { emptyRevisions, revisionKey, revisionPath, streamOfRevisionKey } from './revisions';
