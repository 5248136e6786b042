import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freezeSchemaVersions, frozenVersionsOfFile } from './schema-versions';

const schemaText = (fields: object[]) =>
  JSON.stringify({ type: 'record', name: 'ecommerce.test.Thing', fields }, null, 2);

describe('freezeSchemaVersions', () => {
  let directory: string;
  let path: string;
  const freeze = () => freezeSchemaVersions([{ path, text: readFileSync(path, 'utf8'), recordName: 'ecommerce.test.Thing' }]);

  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'schema-versions-'));
    path = join(directory, 'Thing.avsc');
    writeFileSync(path, schemaText([{ name: 'id', type: 'string' }]));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('freezes version 1, then nothing while the schema is unchanged', () => {
    expect(freeze().map((frozen) => frozen.version)).toEqual([1]);
    expect(freeze()).toEqual([]);
    expect(frozenVersionsOfFile(path).map((frozen) => [frozen.version, frozen.text])).toEqual([[1, readFileSync(path, 'utf8')]]);
  });

  it('ignores formatting changes', () => {
    freeze();
    writeFileSync(path, JSON.stringify(JSON.parse(readFileSync(path, 'utf8'))));
    expect(freeze()).toEqual([]);
  });

  it('freezes the next version after a compatible change', () => {
    freeze();
    writeFileSync(path, schemaText([{ name: 'id', type: 'string' }, { name: 'note', type: ['null', 'string'], default: null }]));
    expect(freeze().map((frozen) => frozen.path)).toEqual([join(directory, 'Thing.versions', '2.avsc')]);
    expect(frozenVersionsOfFile(path).map((frozen) => frozen.version)).toEqual([1, 2]);
  });

  it('refuses to freeze an incompatible change', () => {
    freeze();
    writeFileSync(path, schemaText([{ name: 'id', type: 'int' }]));
    expect(freeze).toThrow(/not FULL_TRANSITIVE compatible/);
    expect(frozenVersionsOfFile(path).map((frozen) => frozen.version)).toEqual([1]);
  });
});
