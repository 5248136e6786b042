import type { Database } from 'better-sqlite3';

/**
 * Tables of the embedded schema registry, prefixed because the SQLite file may be shared.
 * Ids are global, as in Confluent's registry: one row per distinct canonical schema,
 * referenced by every subject version that registered it.
 */
const statements = [
  `CREATE TABLE IF NOT EXISTS registry_schemas (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     canonical TEXT NOT NULL UNIQUE)`,
  `CREATE TABLE IF NOT EXISTS registry_subjects (
     name TEXT PRIMARY KEY,
     compatibility TEXT)`,
  `CREATE TABLE IF NOT EXISTS registry_versions (
     subject TEXT NOT NULL REFERENCES registry_subjects (name),
     version INTEGER NOT NULL,
     schema_id INTEGER NOT NULL REFERENCES registry_schemas (id),
     PRIMARY KEY (subject, version),
     UNIQUE (subject, schema_id))`,
];

export const createRegistryTables = (db: Database): void => {
  for (const statement of statements) db.prepare(statement).run();
};

export interface VersionRow {
  version: number;
  schema_id: number;
  canonical: string;
}

export const prepareRegistryStatements = (db: Database) => ({
  schemaById: db.prepare<[number], { canonical: string }>('SELECT canonical FROM registry_schemas WHERE id = ?'),
  schemaIdByCanonical: db.prepare<[string], { id: number }>('SELECT id FROM registry_schemas WHERE canonical = ?'),
  insertSchema: db.prepare<[string]>('INSERT INTO registry_schemas (canonical) VALUES (?)'),
  subject: db.prepare<[string], { compatibility: string | null }>('SELECT compatibility FROM registry_subjects WHERE name = ?'),
  subjects: db.prepare<[], { name: string }>(
    'SELECT name FROM registry_subjects WHERE EXISTS (SELECT 1 FROM registry_versions WHERE subject = name) ORDER BY name',
  ),
  upsertSubject: db.prepare<[string]>('INSERT INTO registry_subjects (name) VALUES (?) ON CONFLICT (name) DO NOTHING'),
  setCompatibility: db.prepare<[string, string | null]>(
    `INSERT INTO registry_subjects (name, compatibility) VALUES (?, ?)
     ON CONFLICT (name) DO UPDATE SET compatibility = excluded.compatibility`,
  ),
  versions: db.prepare<[string], VersionRow>(
    `SELECT v.version, v.schema_id, s.canonical FROM registry_versions v
     JOIN registry_schemas s ON s.id = v.schema_id WHERE v.subject = ? ORDER BY v.version`,
  ),
  insertVersion: db.prepare<[string, number, number]>(
    'INSERT INTO registry_versions (subject, version, schema_id) VALUES (?, ?, ?)',
  ),
});
