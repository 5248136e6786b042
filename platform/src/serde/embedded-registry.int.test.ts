import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ValidationError } from '../errors';
import { schemaRegistryContract } from './contract';
import { createEmbeddedSchemaRegistry } from './embedded-registry';
import { IncompatibleSchemaError } from './port';

const directory = mkdtempSync(join(tmpdir(), 'embedded-registry-'));
const opened: Database.Database[] = [];
const openDatabase = (file = join(directory, `${opened.length}.sqlite`)) => {
  const db = new Database(file);
  opened.push(db);
  return db;
};
afterAll(() => {
  for (const db of opened) db.close();
  rmSync(directory, { recursive: true, force: true });
});

schemaRegistryContract('embedded (SQLite)', async () => createEmbeddedSchemaRegistry(openDatabase()));

const schema = (fields: object[]) => JSON.stringify({ type: 'record', name: 'ecommerce.test.Thing', fields });
const v1 = schema([{ name: 'id', type: 'string' }]);
const v2 = schema([{ name: 'id', type: 'string' }, { name: 'note', type: ['null', 'string'], default: null }]);
const breaking = schema([{ name: 'id', type: 'string' }, { name: 'weight', type: 'int' }]);

describe('embedded schema registry', () => {
  it('keeps subjects, versions and ids across a reopen of the file', async () => {
    const file = join(directory, 'reopen.sqlite');
    const first = createEmbeddedSchemaRegistry(openDatabase(file));
    const id1 = await first.register('topic-ecommerce.test.Thing', v1);
    const id2 = await first.register('topic-ecommerce.test.Thing', v2);
    opened.at(-1)!.close();

    const reopened = createEmbeddedSchemaRegistry(openDatabase(file));
    expect(await reopened.subjects()).toEqual(['topic-ecommerce.test.Thing']);
    expect((await reopened.versions('topic-ecommerce.test.Thing')).map(({ version, id }) => [version, id])).toEqual([
      [1, id1],
      [2, id2],
    ]);
    expect(await reopened.register('topic-ecommerce.test.Thing', v1)).toBe(id1);
    expect(await reopened.register('another-subject', v2)).toBe(id2);
    await expect(reopened.register('topic-ecommerce.test.Thing', breaking)).rejects.toThrow(IncompatibleSchemaError);
  });

  it('numbers ids globally and versions per subject', async () => {
    const registry = createEmbeddedSchemaRegistry(openDatabase());
    const a = await registry.register('a', v1);
    const b = await registry.register('b', v2);
    const a2 = await registry.register('a', v2);
    expect([a, b, a2]).toEqual([1, 2, 2]);
    expect((await registry.versions('a')).map((version) => version.version)).toEqual([1, 2]);
    expect(await registry.lookup('a', v2)).toMatchObject({ subject: 'a', version: 2, id: 2 });
    expect(await registry.lookup('b', v1)).toBeUndefined();
  });

  it('tells a different default or doc apart: they change what readers do', async () => {
    const registry = createEmbeddedSchemaRegistry(openDatabase());
    const withDefault = schema([{ name: 'id', type: 'string' }, { name: 'note', type: ['null', 'string'], default: null }]);
    const withDoc = JSON.stringify({ ...JSON.parse(withDefault), doc: 'documented' });
    expect(await registry.register('x', withDefault)).not.toBe(await registry.register('y', withDoc));
  });

  it('explains an incompatible version with the subject and the resolver reason', async () => {
    const registry = createEmbeddedSchemaRegistry(openDatabase());
    await registry.register('s', v1);
    await expect(registry.register('s', breaking)).rejects.toThrow(/subject s .*backward with version 1.*weight/);
    expect((await registry.versions('s')).length).toBe(1);
  });

  it('follows a subject-level compatibility, and the default given at creation', async () => {
    const registry = createEmbeddedSchemaRegistry(openDatabase());
    await registry.register('s', v1);
    expect(await registry.compatibilityOf('s')).toBe('FULL_TRANSITIVE');
    expect((await registry.testCompatibility('s', breaking)).compatible).toBe(false);
    await registry.setCompatibility('s', 'NONE');
    expect((await registry.testCompatibility('s', breaking)).compatible).toBe(true);
    expect(await registry.register('s', breaking)).toBeGreaterThan(0);

    const lenient = createEmbeddedSchemaRegistry(openDatabase(), { compatibility: 'FORWARD' });
    await lenient.register('s', v1);
    expect(await lenient.register('s', breaking)).toBeGreaterThan(0);
  });

  it('refuses text that is not an Avro schema with ValidationError', async () => {
    const registry = createEmbeddedSchemaRegistry(openDatabase());
    await expect(registry.register('s', '{not json')).rejects.toThrow(ValidationError);
    await expect(registry.register('s', JSON.stringify({ type: 'record', name: 'x', fields: [{ name: 'a', type: 'nope' }] }))).rejects.toThrow(
      ValidationError,
    );
    expect(await registry.subjects()).toEqual([]);
  });
});
