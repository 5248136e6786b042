import { configKey, fingerprintOf, parseRecord, schemaKey, serializeKey, serializeValue } from './records';
import type { ConfigValue, SchemaValue } from './records';
import { applyRecord, createRegistryState, nextVersionOf, proposedIdOf, subjectsOf, versionsOf } from './state';
import type { RegistryState } from './state';

const schemaA = '{"type":"record","name":"A","fields":[]}';
const schemaB = '{"type":"record","name":"B","fields":[]}';

/** Feeds records through their wire form, as the consumer does, at consecutive offsets. */
const replay = (records: Array<[Parameters<typeof serializeKey>[0], SchemaValue | ConfigValue | null]>): RegistryState => {
  const state = createRegistryState();
  records.forEach(([key, value], offset) => applyRecord(state, offset, parseRecord(serializeKey(key), serializeValue(value))));
  return state;
};
const proposal = (subject: string, version: number, id: number, schema: string, deleted = false) =>
  [schemaKey(subject, version, fingerprintOf(schema)), { subject, version, id, schema, deleted }] as [ReturnType<typeof schemaKey>, SchemaValue];
const tombstone = (subject: string, version: number, schema: string) =>
  [schemaKey(subject, version, fingerprintOf(schema)), null] as [ReturnType<typeof schemaKey>, null];

describe('registry state from the _schemas topic', () => {
  it('keeps the first proposal for a version slot and ignores a later one with another schema', () => {
    const state = replay([proposal('s', 1, 1, schemaA), proposal('s', 1, 2, schemaB)]);
    expect(versionsOf(state, 's').map((entry) => [entry.version, entry.id])).toEqual([[1, 1]]);
    expect(state.schemasById.has(2)).toBe(false);
    expect(nextVersionOf(state, 's')).toBe(2);
    expect(proposedIdOf(state, fingerprintOf(schemaB))).toBe(2);
  });

  it('refuses an id that already names another schema, and a second id for a known schema', () => {
    const state = replay([proposal('s', 1, 1, schemaA), proposal('t', 1, 1, schemaB), proposal('u', 1, 7, schemaA)]);
    expect(subjectsOf(state)).toEqual(['s']);
    expect(proposedIdOf(state, fingerprintOf(schemaA))).toBe(1);
  });

  it('accepts the same schema under another subject with its existing id', () => {
    const state = replay([proposal('s', 1, 1, schemaA), proposal('t', 1, 1, schemaA), proposal('s', 1, 1, schemaA)]);
    expect(subjectsOf(state)).toEqual(['s', 't']);
    expect(state.schemasById.size).toBe(1);
  });

  it('a loser erasing its own proposal leaves the winner in place', () => {
    const state = replay([proposal('s', 1, 1, schemaA), proposal('s', 1, 2, schemaB), tombstone('s', 1, schemaB), proposal('s', 2, 2, schemaB)]);
    expect(versionsOf(state, 's').map((entry) => [entry.version, entry.id])).toEqual([[1, 1], [2, 2]]);
  });

  it('reaches the same state from the compacted topic (latest record per key, in order)', () => {
    const records = [
      proposal('s', 1, 1, schemaA), proposal('s', 1, 2, schemaB), tombstone('s', 1, schemaB), proposal('s', 2, 2, schemaB),
      [configKey('s'), { compatibilityLevel: 'NONE' }], proposal('s', 2, 2, schemaB, true), [configKey('s'), { compatibilityLevel: 'FULL' }],
    ] as Parameters<typeof replay>[0];
    const latestOffsetOfKey = new Map(records.map(([key], offset) => [serializeKey(key), offset]));
    const compacted = records.filter(([key], offset) => latestOffsetOfKey.get(serializeKey(key)) === offset);
    expect(compacted.length).toBeLessThan(records.length);
    const full = replay(records);
    const fromCompacted = replay(compacted);
    expect(fromCompacted.subjects).toEqual(full.subjects);
    expect(fromCompacted.schemasById).toEqual(full.schemasById);
    expect(fromCompacted.configs).toEqual(full.configs);
  });

  it('soft delete hides a version but keeps its id; a permanent delete frees it', () => {
    const soft = replay([proposal('s', 1, 1, schemaA), proposal('s', 1, 1, schemaA, true)]);
    expect(versionsOf(soft, 's')).toEqual([]);
    expect(versionsOf(soft, 's', true)).toHaveLength(1);
    expect(subjectsOf(soft)).toEqual([]);
    expect(soft.schemasById.get(1)?.schema).toBe(schemaA);
    expect(nextVersionOf(soft, 's')).toBe(2);

    const hard = replay([proposal('s', 1, 1, schemaA), proposal('s', 1, 1, schemaA, true), tombstone('s', 1, schemaA)]);
    expect(hard.subjects.size).toBe(0);
    expect(hard.schemasById.size).toBe(0);
    expect(proposedIdOf(hard, fingerprintOf(schemaB))).toBe(2);
  });

  it('skips records it cannot read and redelivered offsets', () => {
    const state = createRegistryState();
    applyRecord(state, 0, parseRecord('{"keytype":"NOOP","magic":0}', null));
    applyRecord(state, 1, parseRecord('not json', Buffer.from('{')));
    const [key, value] = proposal('s', 1, 1, schemaA);
    const forged = serializeValue({ ...value, schema: schemaB }); // fingerprint of the key no longer matches
    applyRecord(state, 2, parseRecord(serializeKey(key), forged));
    expect(state.subjects.size).toBe(0);
    applyRecord(state, 3, parseRecord(serializeKey(key), serializeValue(value)));
    applyRecord(state, 1, parseRecord(serializeKey(configKey(null)), serializeValue({ compatibilityLevel: 'NONE' })));
    expect(state.configs.size).toBe(0);
    expect(state.position).toBe(4);
    expect(subjectsOf(state)).toEqual(['s']);
  });
});
