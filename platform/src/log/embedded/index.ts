/** The embedded adapter of the log port: a durable partitioned log in one SQLite file, shared by processes. */
export { createEmbeddedLog, openEmbeddedLog } from './embedded';
export type { EmbeddedLogOptions } from './embedded';
