/**
 * The registry's writes and reads over the `_schemas` topic. A write appends a record, waits
 * until this instance's own consumer has applied it, then reads the outcome from the state:
 * ids and versions are decided by log order, so racing instances agree, and the loser of a
 * version race re-derives its proposal from the newer state.
 */
import { checkCompatibility } from '@ecommerce/schemas';
import type { CompatibilityLevel, CompatibilityResult } from '@ecommerce/schemas';
import type { Log, ProducerRecord } from '../../log/port';
import { canonicalAvroSchema } from '../embedded-registry';
import { IncompatibleSchemaError } from '../port';
import { RegistryError, errorCodes, subjectNotFound, versionNotFound } from './errors';
import { createLogState } from './log-state';
import { SCHEMAS_TOPIC, configKey, fingerprintOf, schemaKey, serializeKey, serializeValue } from './records';
import type { ConfigValue, SchemaValue } from './records';
import { levelOf, nextVersionOf, proposedIdOf, versionsOf } from './state';
import type { RegistryState, VersionEntry } from './state';

export interface LogRegistryStoreOptions {
  /** Level of subjects without their own and no registry-wide one set; FULL_TRANSITIVE by default (DESIGN §4.7). */
  defaultCompatibility?: CompatibilityLevel;
  /** Bound on waiting for the topic to be read back; 10 s by default. */
  syncTimeoutMs?: number;
  /** Proposals re-derived after lost races before giving up; 20 by default. */
  maxAttempts?: number;
}

const deletedValue = ({ subject, version, id, schema }: VersionEntry): SchemaValue => ({ subject, version, id, schema, deleted: true });

export type LogRegistryStore = ReturnType<typeof createLogRegistryStore>;

export const createLogRegistryStore = (log: Log, options: LogRegistryStoreOptions = {}) => {
  const fallbackLevel = options.defaultCompatibility ?? 'FULL_TRANSITIVE';
  const maxAttempts = options.maxAttempts ?? 20;
  const logState = createLogState(log, { syncTimeoutMs: options.syncTimeoutMs ?? 10_000 });
  const state: RegistryState = logState.state;
  const producer = log.createProducer();
  let queue: Promise<unknown> = Promise.resolve();

  /** One write at a time per instance: its own proposals never race each other. */
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };

  const append = async (key: Parameters<typeof serializeKey>[0], value: SchemaValue | ConfigValue | null) => {
    const record: ProducerRecord = { topic: SCHEMAS_TOPIC, partition: 0, key: serializeKey(key), value: serializeValue(value) };
    const [metadata] = await producer.send([record]);
    if (!metadata) throw new RegistryError(500, errorCodes.storeError, `no offset for the record appended to ${SCHEMAS_TOPIC}`);
    await logState.waitFor(metadata.offset + 1);
  };

  const levelOfSubject = (subject: string) => levelOf(state, subject, fallbackLevel);
  const check = (subject: string, canonical: string): CompatibilityResult =>
    checkCompatibility(canonical, versionsOf(state, subject).map((entry) => entry.schema), levelOfSubject(subject));

  const liveVersion = (subject: string, version: number | 'latest'): VersionEntry => {
    const live = versionsOf(state, subject);
    if (versionsOf(state, subject, true).length === 0) throw subjectNotFound(subject);
    const entry = version === 'latest' ? live.at(-1) : live.find((candidate) => candidate.version === version);
    if (!entry) throw versionNotFound(subject, version);
    return entry;
  };

  /** Reads answer from the local state, and look at the end of the topic before saying "not found". */
  const read = async <T>(answer: () => T): Promise<T> => {
    try {
      return answer();
    } catch (error) {
      if (!(error instanceof RegistryError) || error.status !== 404) throw error;
      await logState.syncToEnd();
      return answer();
    }
  };

  const registerCanonical = async (subject: string, canonical: string): Promise<VersionEntry> => {
    const fingerprint = fingerprintOf(canonical);
    for (let attempt = 0; attempt < maxAttempts; attempt += 1) {
      await logState.syncToEnd();
      const existing = versionsOf(state, subject).find((entry) => entry.fingerprint === fingerprint);
      if (existing) return existing;
      const { compatible, problems } = check(subject, canonical);
      if (!compatible) throw new IncompatibleSchemaError(subject, problems.join('; '));
      const id = proposedIdOf(state, fingerprint);
      const version = nextVersionOf(state, subject);
      await append(schemaKey(subject, version, fingerprint), { subject, version, id, schema: canonical, deleted: false });
      const outcome = state.subjects.get(subject)?.get(version);
      if (outcome?.fingerprint === fingerprint) return outcome;
      // Lost the race: erase the losing proposal, so compaction keeps no trace of it, and re-derive.
      await append(schemaKey(subject, version, fingerprint), null);
    }
    throw new RegistryError(500, errorCodes.timeout, `could not register a version of ${subject} after ${maxAttempts} lost races`);
  };

  return {
    state,
    defaultCompatibility: fallbackLevel,
    start: () => logState.start(),
    async stop() {
      await queue;
      await logState.stop();
      await producer.close();
    },
    read,
    syncToEnd: () => logState.syncToEnd(),

    register: async (subject: string, schema: string) => {
      const canonical = canonicalAvroSchema(schema);
      return serialized(() => registerCanonical(subject, canonical));
    },
    liveVersion,
    levelOf: (subject: string | null) => levelOf(state, subject, fallbackLevel),
    testCompatibility(subject: string, schema: string, version: number | 'latest'): CompatibilityResult {
      const canonical = canonicalAvroSchema(schema);
      if (version === 'latest') {
        if (versionsOf(state, subject).length === 0) throw subjectNotFound(subject);
        return check(subject, canonical);
      }
      // Against one named version: only that one, in the subject's direction(s).
      const level = levelOfSubject(subject).replace('_TRANSITIVE', '') as CompatibilityLevel;
      return checkCompatibility(canonical, [liveVersion(subject, version).schema], level);
    },

    setConfig: (subject: string | null, level: CompatibilityLevel) =>
      serialized(() => append(configKey(subject), { compatibilityLevel: level })),
    deleteConfig: (subject: string) => serialized(() => append(configKey(subject), null)),

    /** Soft delete: hidden from lists and checks, still readable by id. */
    softDeleteVersion: (subject: string, version: number | 'latest') =>
      serialized(async () => {
        await logState.syncToEnd();
        const entry = liveVersion(subject, version);
        await append(schemaKey(subject, entry.version, entry.fingerprint), deletedValue(entry));
        return entry.version;
      }),
    permanentDeleteVersion: (subject: string, version: number) =>
      serialized(async () => {
        await logState.syncToEnd();
        if (versionsOf(state, subject, true).length === 0) throw subjectNotFound(subject);
        const entry = state.subjects.get(subject)?.get(version);
        if (!entry) throw versionNotFound(subject, version);
        if (!entry.deleted) {
          throw new RegistryError(404, errorCodes.versionNotSoftDeleted, `Subject '${subject}' Version ${version} was not deleted first before being permanently deleted`);
        }
        await append(schemaKey(subject, version, entry.fingerprint), null);
        return version;
      }),
    softDeleteSubject: (subject: string) =>
      serialized(async () => {
        await logState.syncToEnd();
        const live = versionsOf(state, subject);
        if (live.length === 0) {
          if (versionsOf(state, subject, true).length > 0) throw new RegistryError(404, errorCodes.subjectSoftDeleted, `Subject '${subject}' was soft deleted. Set permanent=true to delete permanently`);
          throw subjectNotFound(subject);
        }
        for (const entry of live) {
          await append(schemaKey(subject, entry.version, entry.fingerprint), deletedValue(entry));
        }
        return live.map((entry) => entry.version);
      }),
    permanentDeleteSubject: (subject: string) =>
      serialized(async () => {
        await logState.syncToEnd();
        const all = versionsOf(state, subject, true);
        if (all.length === 0) throw subjectNotFound(subject);
        if (all.some((entry) => !entry.deleted)) {
          throw new RegistryError(404, errorCodes.subjectNotSoftDeleted, `Subject '${subject}' was not deleted first before being permanently deleted`);
        }
        for (const entry of all) await append(schemaKey(subject, entry.version, entry.fingerprint), null);
        if (state.configs.has(subject)) await append(configKey(subject), null);
        return all.map((entry) => entry.version);
      }),
  };
};
