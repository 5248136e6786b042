/**
 * The registry's state, materialised from the `_schemas` topic in offset order. Every
 * instance applies the same records in the same order with these rules, so every instance
 * reaches the same state; a writer learns whether its proposal won by reading it back.
 *
 * A schema record is a proposal: it wins unless its version slot already holds another
 * schema, or its id disagrees with the id the same schema already has, or its id already
 * names another schema. Losers change nothing.
 */
import type { CompatibilityLevel } from '@ecommerce/schemas';
import type { ConfigKey, ConfigValue, RegistryRecord, SchemaKey, SchemaValue } from './records';

export interface VersionEntry {
  subject: string;
  version: number;
  id: number;
  schema: string;
  fingerprint: string;
  deleted: boolean;
}

export interface RegistryState {
  /** Offset of the next record to apply. */
  position: number;
  subjects: Map<string, Map<number, VersionEntry>>;
  /** Global ids: one per distinct schema still referenced by some version (soft-deleted ones too). */
  idsByFingerprint: Map<string, number>;
  schemasById: Map<number, { schema: string; fingerprint: string }>;
  /** Highest id accepted while reading the topic, so a permanently deleted schema's id is not handed out again (after compaction: of the records kept). */
  maxId: number;
  /** Per subject; the key `null` holds the registry-wide level. */
  configs: Map<string | null, CompatibilityLevel>;
}

export const createRegistryState = (): RegistryState => ({
  position: 0,
  subjects: new Map(),
  idsByFingerprint: new Map(),
  schemasById: new Map(),
  maxId: 0,
  configs: new Map(),
});

const accepts = (state: RegistryState, key: SchemaKey, value: SchemaValue): boolean => {
  const occupant = state.subjects.get(key.subject)?.get(key.version);
  if (occupant && (occupant.fingerprint !== key.fingerprint || occupant.id !== value.id)) return false;
  const knownId = state.idsByFingerprint.get(key.fingerprint);
  if (knownId !== undefined) return knownId === value.id;
  return !state.schemasById.has(value.id);
};

const applySchema = (state: RegistryState, key: SchemaKey, value: SchemaValue | null): void => {
  const versions = state.subjects.get(key.subject) ?? new Map<number, VersionEntry>();
  const occupant = versions.get(key.version);
  if (value === null) {
    // A tombstone removes only the version its key names; a loser's own tombstone finds nothing.
    if (!occupant || occupant.fingerprint !== key.fingerprint) return;
    versions.delete(key.version);
    if (versions.size === 0) state.subjects.delete(key.subject);
    const stillUsed = [...state.subjects.values()].some((entries) =>
      [...entries.values()].some((entry) => entry.fingerprint === key.fingerprint));
    if (!stillUsed) {
      state.idsByFingerprint.delete(key.fingerprint);
      state.schemasById.delete(occupant.id);
    }
    return;
  }
  if (!accepts(state, key, value)) return;
  versions.set(key.version, { ...value, fingerprint: key.fingerprint });
  state.subjects.set(key.subject, versions);
  state.idsByFingerprint.set(key.fingerprint, value.id);
  state.schemasById.set(value.id, { schema: value.schema, fingerprint: key.fingerprint });
  state.maxId = Math.max(state.maxId, value.id);
};

const applyConfig = (state: RegistryState, key: ConfigKey, value: ConfigValue | null): void => {
  if (value === null) state.configs.delete(key.subject);
  else state.configs.set(key.subject, value.compatibilityLevel);
};

/** Applies the record at `offset` (undefined: a record this registry ignores) and moves past it. */
export const applyRecord = (state: RegistryState, offset: number, record: RegistryRecord | undefined): void => {
  if (offset < state.position) return; // redelivered
  if (record?.key.keytype === 'SCHEMA') applySchema(state, record.key, record.value as SchemaValue | null);
  else if (record?.key.keytype === 'CONFIG') applyConfig(state, record.key, record.value as ConfigValue | null);
  state.position = offset + 1;
};

/** Versions of a subject, oldest first; soft-deleted ones only when asked. */
export const versionsOf = (state: RegistryState, subject: string, includeDeleted = false): VersionEntry[] =>
  [...(state.subjects.get(subject)?.values() ?? [])]
    .filter((entry) => includeDeleted || !entry.deleted)
    .sort((a, b) => a.version - b.version);

export const subjectsOf = (state: RegistryState, includeDeleted = false): string[] =>
  [...state.subjects.keys()].filter((subject) => versionsOf(state, subject, includeDeleted).length > 0).sort();

/** The next version number: after every retained one, soft-deleted included, as Confluent numbers. */
export const nextVersionOf = (state: RegistryState, subject: string): number =>
  Math.max(0, ...[...(state.subjects.get(subject)?.keys() ?? [])]) + 1;

/** The id a new registration of this schema proposes: its existing id, else a fresh one. */
export const proposedIdOf = (state: RegistryState, fingerprint: string): number =>
  state.idsByFingerprint.get(fingerprint) ?? state.maxId + 1;

export const levelOf = (state: RegistryState, subject: string | null, fallback: CompatibilityLevel): CompatibilityLevel =>
  (subject === null ? undefined : state.configs.get(subject)) ?? state.configs.get(null) ?? fallback;
