/**
 * A schema registry in SQLite with Confluent's semantics: global ids stable per canonical
 * schema, versions per subject, and a compatibility check before each new version
 * (FULL_TRANSITIVE unless configured otherwise, DESIGN §4.7).
 */
import type { Database } from 'better-sqlite3';
import { Type } from 'avsc';
import type { Schema } from 'avsc';
import { checkCompatibility, compatibilityLevels } from '@ecommerce/schemas';
import type { CompatibilityLevel, CompatibilityResult } from '@ecommerce/schemas';
import { NotFoundError, ValidationError } from '../errors';
import { createRegistryTables, prepareRegistryStatements } from './embedded-registry-tables';
import { IncompatibleSchemaError } from './port';
import type { SchemaRegistry } from './port';

export interface EmbeddedSchemaRegistryOptions {
  /** Level of subjects without their own; FULL_TRANSITIVE by default. */
  compatibility?: CompatibilityLevel;
}

export interface SubjectVersion {
  subject: string;
  version: number;
  id: number;
  schema: string;
}

/** The port plus what a Confluent-compatible REST front needs. */
export interface EmbeddedSchemaRegistry extends SchemaRegistry {
  subjects(): Promise<string[]>;
  versions(subject: string): Promise<SubjectVersion[]>;
  /** The version of `subject` holding this schema, or undefined. */
  lookup(subject: string, schema: string): Promise<SubjectVersion | undefined>;
  compatibilityOf(subject: string): Promise<CompatibilityLevel>;
  /** Sets a subject's level; `null` returns it to the registry default. */
  setCompatibility(subject: string, level: CompatibilityLevel | null): Promise<void>;
  /** Whether `schema` could be registered as the next version of `subject`. */
  testCompatibility(subject: string, schema: string): Promise<CompatibilityResult>;
}

/** Same text for the same Avro schema, whatever the whitespace or key order; keeps docs and defaults. */
export const canonicalAvroSchema = (schema: string): string => {
  try {
    return JSON.stringify(Type.forSchema(JSON.parse(schema) as Schema).schema({ exportAttrs: true }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`invalid Avro schema: ${reason}`, [{ field: 'schema', message: reason }]);
  }
};

const isCompatibilityLevel = (value: unknown): value is CompatibilityLevel =>
  compatibilityLevels.includes(value as CompatibilityLevel);

export const createEmbeddedSchemaRegistry = (
  db: Database,
  options: EmbeddedSchemaRegistryOptions = {},
): EmbeddedSchemaRegistry => {
  const defaultLevel = options.compatibility ?? 'FULL_TRANSITIVE';
  createRegistryTables(db);
  const sql = prepareRegistryStatements(db);

  const levelOf = (subject: string): CompatibilityLevel => {
    const stored = sql.subject.get(subject)?.compatibility;
    return isCompatibilityLevel(stored) ? stored : defaultLevel;
  };
  const versionsOf = (subject: string): SubjectVersion[] =>
    sql.versions.all(subject).map((row) => ({ subject, version: row.version, id: row.schema_id, schema: row.canonical }));
  const check = (subject: string, canonical: string): CompatibilityResult =>
    checkCompatibility(canonical, versionsOf(subject).map((version) => version.schema), levelOf(subject));

  // IMMEDIATE: two processes sharing the file cannot both take the same version number.
  const registerCanonical = db.transaction((subject: string, canonical: string): number => {
    const existing = versionsOf(subject).find((version) => version.schema === canonical);
    if (existing) return existing.id;
    const { compatible, problems } = check(subject, canonical);
    if (!compatible) throw new IncompatibleSchemaError(subject, problems.join('; '));
    const id = sql.schemaIdByCanonical.get(canonical)?.id ?? Number(sql.insertSchema.run(canonical).lastInsertRowid);
    sql.upsertSubject.run(subject);
    sql.insertVersion.run(subject, (versionsOf(subject).at(-1)?.version ?? 0) + 1, id);
    return id;
  });

  return {
    async register(subject, schema) {
      return registerCanonical.immediate(subject, canonicalAvroSchema(schema));
    },
    async getSchema(id) {
      const row = Number.isSafeInteger(Number(id)) ? sql.schemaById.get(Number(id)) : undefined;
      if (!row) throw new NotFoundError(`schema ${id} not found`, { schemaId: String(id) });
      return row.canonical;
    },
    async subjects() {
      return sql.subjects.all().map((row) => row.name);
    },
    async versions(subject) {
      return versionsOf(subject);
    },
    async lookup(subject, schema) {
      const canonical = canonicalAvroSchema(schema);
      return versionsOf(subject).find((version) => version.schema === canonical);
    },
    async compatibilityOf(subject) {
      return levelOf(subject);
    },
    async setCompatibility(subject, level) {
      sql.setCompatibility.run(subject, level);
    },
    async testCompatibility(subject, schema) {
      return check(subject, canonicalAvroSchema(schema));
    },
    async health() {
      try {
        db.prepare('SELECT 1').get();
        return { ok: true };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
    async close() {
      // The database belongs to the caller, who may share it with other adapters.
    },
  };
};
