/**
 * Frozen schema versions: `avro/<context>/<Type>.versions/<n>.avsc`, one copy per release.
 * A frozen file is never edited; compatibility.unit.test.ts checks the current schema against all of them.
 * Freeze after changing a schema: `npx tsx schemas/src/schema-versions.ts`.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type } from 'avsc';
import type { Schema } from 'avsc';
import { allEventSchemas, avroSchemaPathOf } from './avro';
import type { EventSchema } from './avro';
import { checkFullTransitive } from './compatibility';
import type { EventType } from './events';

export interface FrozenSchemaVersion {
  version: number;
  path: string;
  text: string;
}

/** `<Type>.avsc` → `<Type>.versions/`. */
const versionsDirectoryOf = (schemaPath: string): string => schemaPath.replace(/\.avsc$/, '.versions');

/** The frozen versions of the schema file at `schemaPath`, oldest first. */
export const frozenVersionsOfFile = (schemaPath: string): FrozenSchemaVersion[] => {
  const directory = versionsDirectoryOf(schemaPath);
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .map((file) => /^(\d+)\.avsc$/.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => {
      const path = join(directory, match[0]);
      return { version: Number(match[1]), path, text: readFileSync(path, 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
};

/** The frozen versions of an event type's schema, oldest first. */
export const frozenSchemaVersionsOf = (eventType: EventType): FrozenSchemaVersion[] =>
  frozenVersionsOfFile(avroSchemaPathOf(eventType));

/** Same schema for Avro purposes: names, types, defaults, docs; whitespace and key order ignored. */
const sameSchema = (a: string, b: string): boolean => {
  const normal = (text: string) => JSON.stringify(Type.forSchema(JSON.parse(text) as Schema).schema({ exportAttrs: true }));
  return normal(a) === normal(b);
};

const freezeOne = (schema: Pick<EventSchema, 'path' | 'text' | 'recordName'>): FrozenSchemaVersion | undefined => {
  const versions = frozenVersionsOfFile(schema.path);
  const latest = versions.at(-1);
  if (latest && sameSchema(latest.text, schema.text)) return undefined;
  const { compatible, problems } = checkFullTransitive(schema.text, versions.map((frozen) => frozen.text));
  if (!compatible) throw new Error(`${schema.recordName} is not FULL_TRANSITIVE compatible, not freezing it: ${problems.join('; ')}`);
  const directory = versionsDirectoryOf(schema.path);
  mkdirSync(directory, { recursive: true });
  const version = (latest?.version ?? 0) + 1;
  const path = join(directory, `${version}.avsc`);
  writeFileSync(path, schema.text, { flag: 'wx' });
  return { version, path, text: schema.text };
};

/**
 * Copies each current schema that differs from its latest frozen version into the next
 * version file; throws on a schema incompatible with its frozen versions.
 * Returns what it wrote: nothing when every schema is already frozen.
 */
export const freezeSchemaVersions = (
  schemas: readonly Pick<EventSchema, 'path' | 'text' | 'recordName'>[] = allEventSchemas(),
): FrozenSchemaVersion[] =>
  schemas.map(freezeOne).filter((frozen): frozen is FrozenSchemaVersion => frozen !== undefined);

if (require.main === module) {
  const written = freezeSchemaVersions();
  for (const frozen of written) console.log(`froze version ${frozen.version}: ${frozen.path}`);
  if (written.length === 0) console.log('every schema already matches its latest frozen version');
}
