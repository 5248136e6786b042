import type { Schema } from 'avsc';
import { allEventSchemas } from './avro';
import { checkCompatibility, checkFullTransitive } from './compatibility';
import { frozenSchemaVersionsOf } from './schema-versions';

describe('committed schemas', () => {
  describe.each(allEventSchemas().map((schema) => [schema.recordName, schema] as const))('%s', (_name, schema) => {
    const frozen = frozenSchemaVersionsOf(schema.eventType);

    it('has a frozen version 1 and contiguous version numbers', () => {
      expect(frozen.map((version) => version.version)).toEqual(frozen.map((_version, index) => index + 1));
      expect(frozen.length).toBeGreaterThanOrEqual(1);
    });

    it('is FULL_TRANSITIVE compatible with every frozen version', () => {
      expect(checkFullTransitive(schema.text, frozen.map((version) => version.text)).problems).toEqual([]);
    });
  });
});

const record = (fields: object[], name = 'ecommerce.test.Thing') => JSON.stringify({ type: 'record', name, fields });
const v1Fields = [
  { name: 'id', type: 'string' },
  { name: 'count', type: 'int' },
];
const v1 = record(v1Fields);

describe('checkFullTransitive', () => {
  it('accepts an identical schema and an empty history', () => {
    expect(checkFullTransitive(v1, [v1])).toEqual({ compatible: true, problems: [] });
    expect(checkFullTransitive(v1, [])).toEqual({ compatible: true, problems: [] });
  });

  it('accepts adding a nullable field with default null', () => {
    const v2 = record([...v1Fields, { name: 'note', type: ['null', 'string'], default: null }]);
    expect(checkFullTransitive(v2, [v1])).toEqual({ compatible: true, problems: [] });
  });

  it('accepts removing a field that has a default', () => {
    const withDefault = record([...v1Fields, { name: 'note', type: 'string', default: '' }]);
    expect(checkFullTransitive(v1, [withDefault]).compatible).toBe(true);
  });

  it('refuses adding a field without a default (new cannot read old)', () => {
    const v2 = record([...v1Fields, { name: 'note', type: 'string' }]);
    const result = checkFullTransitive(v2, [v1]);
    expect(result.compatible).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^backward with version 1 .*note/)]);
  });

  it('refuses removing a field without a default (old cannot read new)', () => {
    const v2 = record([{ name: 'id', type: 'string' }]);
    const result = checkFullTransitive(v2, [v1]);
    expect(result.compatible).toBe(false);
    expect(result.problems).toEqual([expect.stringMatching(/^forward with version 1 .*count/)]);
  });

  it('refuses changing a type', () => {
    const v2 = record([{ name: 'id', type: 'string' }, { name: 'count', type: 'string' }]);
    const result = checkFullTransitive(v2, [v1]);
    expect(result.compatible).toBe(false);
    expect(result.problems).toHaveLength(2);
  });

  it('refuses widening int to long: old readers cannot read it', () => {
    const v2 = record([{ name: 'id', type: 'string' }, { name: 'count', type: 'long' }]);
    expect(checkCompatibility(v2, [v1], 'BACKWARD').compatible).toBe(true);
    expect(checkFullTransitive(v2, [v1]).problems).toEqual([expect.stringMatching(/^forward with version 1/)]);
  });

  it('refuses renaming the record', () => {
    const renamed = record(v1Fields, 'ecommerce.test.Other');
    expect(checkFullTransitive(renamed, [v1]).compatible).toBe(false);
  });

  it('checks every earlier version, not only the latest', () => {
    // Each step is compatible with the one before; version 3 cannot read version 1's string `note`.
    const a = record([{ name: 'id', type: 'string' }, { name: 'note', type: 'string', default: '' }]);
    const b = record([{ name: 'id', type: 'string' }]);
    const c = record([{ name: 'id', type: 'string' }, { name: 'note', type: 'int', default: 0 }]);
    expect(checkCompatibility(c, [a, b], 'FULL').compatible).toBe(true);
    const result = checkFullTransitive(c, [a, b]);
    expect(result.compatible).toBe(false);
    expect(result.problems.every((problem) => problem.includes('version 1'))).toBe(true);
  });

  it('takes parsed JSON as well as schema text', () => {
    expect(checkFullTransitive(JSON.parse(v1) as Schema, [v1]).compatible).toBe(true);
  });
});

describe('checkCompatibility levels', () => {
  const v2 = record([...v1Fields, { name: 'note', type: 'string' }]);

  it('NONE accepts anything', () => {
    expect(checkCompatibility(v2, [v1], 'NONE').compatible).toBe(true);
  });

  it('FORWARD only asks old readers to read new data', () => {
    expect(checkCompatibility(v2, [v1], 'FORWARD').compatible).toBe(true);
    expect(checkCompatibility(v2, [v1], 'BACKWARD').compatible).toBe(false);
  });
});
