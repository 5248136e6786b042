/**
 * The records of the `_schemas` topic, shaped like Confluent's (a JSON key with a `keytype`,
 * a JSON value, null for a tombstone). Keys are serialised with a fixed field order because
 * compaction compares key bytes.
 *
 * A schema key also carries the schema's fingerprint: two instances racing for the same
 * version slot with different schemas write different keys, so compaction can never keep the
 * loser's record in place of the winner's.
 */
import { createHash } from 'node:crypto';
import { compatibilityLevels } from '@ecommerce/schemas';
import type { CompatibilityLevel } from '@ecommerce/schemas';

export const SCHEMAS_TOPIC = '_schemas';

export interface SchemaKey {
  keytype: 'SCHEMA';
  subject: string;
  version: number;
  fingerprint: string;
}

export interface SchemaValue {
  subject: string;
  version: number;
  id: number;
  /** Canonical schema text (canonicalAvroSchema). */
  schema: string;
  deleted: boolean;
}

/** `subject: null` is the registry-wide level. */
export interface ConfigKey {
  keytype: 'CONFIG';
  subject: string | null;
}

export interface ConfigValue {
  compatibilityLevel: CompatibilityLevel;
}

export type RegistryRecord =
  | { key: SchemaKey; value: SchemaValue | null }
  | { key: ConfigKey; value: ConfigValue | null };

export const fingerprintOf = (canonicalSchema: string): string =>
  createHash('sha256').update(canonicalSchema).digest('hex').slice(0, 32);

export const isCompatibilityLevel = (value: unknown): value is CompatibilityLevel =>
  compatibilityLevels.includes(value as CompatibilityLevel);

export const schemaKey = (subject: string, version: number, fingerprint: string): SchemaKey =>
  ({ keytype: 'SCHEMA', subject, version, fingerprint });

export const configKey = (subject: string | null): ConfigKey => ({ keytype: 'CONFIG', subject });

export const serializeKey = (key: SchemaKey | ConfigKey): string =>
  key.keytype === 'SCHEMA'
    ? JSON.stringify({ keytype: key.keytype, subject: key.subject, version: key.version, fingerprint: key.fingerprint, magic: 1 })
    : JSON.stringify({ keytype: key.keytype, subject: key.subject, magic: 0 });

export const serializeValue = (value: SchemaValue | ConfigValue | null): Buffer | null =>
  value === null ? null : Buffer.from(JSON.stringify(value));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isPositiveInteger = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const parseSchemaValue = (raw: unknown, key: SchemaKey): SchemaValue | undefined => {
  if (!isObject(raw) || !isPositiveInteger(raw.id) || typeof raw.schema !== 'string') return undefined;
  if (raw.subject !== key.subject || raw.version !== key.version) return undefined;
  if (fingerprintOf(raw.schema) !== key.fingerprint) return undefined;
  return { subject: key.subject, version: key.version, id: raw.id, schema: raw.schema, deleted: raw.deleted === true };
};

/**
 * Reads one message of the topic; undefined for anything this registry did not write
 * (foreign key types, damaged values): the materialised state skips it, as Confluent skips NOOPs.
 */
export const parseRecord = (key: string | null, value: Buffer | null): RegistryRecord | undefined => {
  const rawKey = key === null ? undefined : parseJson(key);
  if (!isObject(rawKey)) return undefined;
  const rawValue = value === null ? null : parseJson(value.toString('utf8'));
  if (rawKey.keytype === 'SCHEMA') {
    const { subject, version, fingerprint } = rawKey;
    if (typeof subject !== 'string' || !isPositiveInteger(version) || typeof fingerprint !== 'string') return undefined;
    const schemaRecordKey = schemaKey(subject, version, fingerprint);
    if (rawValue === null) return { key: schemaRecordKey, value: null };
    const parsed = parseSchemaValue(rawValue, schemaRecordKey);
    return parsed ? { key: schemaRecordKey, value: parsed } : undefined;
  }
  if (rawKey.keytype === 'CONFIG') {
    const subject = rawKey.subject;
    if (subject !== null && typeof subject !== 'string') return undefined;
    if (rawValue === null) return { key: configKey(subject), value: null };
    if (!isObject(rawValue) || !isCompatibilityLevel(rawValue.compatibilityLevel)) return undefined;
    return { key: configKey(subject), value: { compatibilityLevel: rawValue.compatibilityLevel } };
  }
  return undefined;
};
