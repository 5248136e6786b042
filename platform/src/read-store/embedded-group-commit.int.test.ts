import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createEmbeddedReadStore, openEmbeddedReadStore } from './embedded';
import type { Document, ReadStore } from './port';
import { applyFileSettings } from '../sqlite/file-settings';

interface Product extends Document {
  name: string;
}

/**
 * Group commit: the file writes of one event-loop turn commit in one transaction, and each
 * write's promise settles only after it. Statements are counted from SQLite's own trace
 * (better-sqlite3's `verbose`), and the file is read through a second connection.
 */
describe('embedded read store group commit', () => {
  let dir: string;
  let file: string;
  let trace: string[];
  let db: Database.Database;
  let store: ReadStore;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-store-group-'));
    file = path.join(dir, 'read.db');
    trace = [];
    db = new Database(file, { verbose: (sql) => trace.push(String(sql)) });
    applyFileSettings(db);
    store = createEmbeddedReadStore(db, { closeDatabase: true });
  });
  afterEach(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** What another connection finds in the file right now. */
  const fileRows = (collection = 'products'): Array<{ id: string; body: string }> => {
    const reader = new Database(file, { readonly: true });
    try {
      return reader.prepare('SELECT id, body FROM read_store_documents WHERE collection = ? ORDER BY id').all(collection) as Array<{ id: string; body: string }>;
    } finally {
      reader.close();
    }
  };
  const commitsIn = (statements: string[]) => statements.filter((sql) => sql === 'COMMIT').length;
  const guard = (id: string, revision: number) => ({ stream: `product-${id}`, revision });
  const ids = (count: number) => Array.from({ length: count }, (_, index) => `p${String(index).padStart(3, '0')}`);

  it('commits the writes of one turn, from many calls, in one transaction', async () => {
    const products = store.collection<Product>('products');
    await products.upsert({ _id: 'seed', name: 'seed' });
    trace.length = 0;

    const outcomes = await Promise.all([
      ...ids(50).map((id) => products.updateIfNewer({ id, set: { name: id }, guard: guard(id, 1), upsert: true })),
      products.replaceManyIfNewer([{ id: 'many-1', doc: { _id: 'many-1', name: 'm' }, guard: guard('many-1', 1) }]),
      products.upsert({ _id: 'seed', name: 'seed again' }),
      store.setCheckpoint('progress', { offset: 50 }),
    ]);

    expect(outcomes.slice(0, 50)).toEqual(Array(50).fill('applied'));
    expect(commitsIn(trace)).toBe(1);
    expect(trace.filter((sql) => sql.startsWith('BEGIN'))).toHaveLength(1);
    expect(fileRows()).toHaveLength(52);

    // Writes awaited one after the other each wait for their own commit.
    trace.length = 0;
    await products.updateIfNewer({ id: 'p000', set: { name: 'again' }, guard: guard('p000', 2) });
    await products.updateIfNewer({ id: 'p001', set: { name: 'again' }, guard: guard('p001', 2) });
    expect(commitsIn(trace)).toBe(2);
  });

  it('settles a write only once its row is in the file, while reads see it at once', async () => {
    const products = store.collection<Product>('products');
    let inFileWhenSettled: string[] | undefined;
    const written = products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'Shoe' }, guard: guard('p1', 1) }).then((outcome) => {
      inFileWhenSettled = fileRows().map((row) => row.id);
      return outcome;
    });

    expect(fileRows()).toEqual([]);
    expect(await products.findOne({ _id: 'p1' })).toMatchObject({ name: 'Shoe' });
    expect(inFileWhenSettled).toBeUndefined();
    expect(await written).toBe('applied');
    expect(inFileWhenSettled).toEqual(['p1']);
  });

  it('makes a write that changed nothing wait for the writes it answered from', async () => {
    const products = store.collection<Product>('products');
    const first = products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'new' }, guard: guard('p1', 5) });
    let inFileWhenStaleSettled: number | undefined;
    const stale = products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'old' }, guard: guard('p1', 4) }).then((outcome) => {
      inFileWhenStaleSettled = fileRows().length;
      return outcome;
    });
    expect(await stale).toBe('stale');
    expect(inFileWhenStaleSettled).toBe(1);
    expect(await first).toBe('applied');
  });

  it('rejects every write of a batch whose commit fails and takes all of them back in memory', async () => {
    const products = store.collection<Product>('products');
    await products.replaceIfNewer({ id: 'a', doc: { _id: 'a', name: 'A1' }, guard: guard('a', 1) });
    await store.setCheckpoint('progress', { offset: 1 });
    db.exec(`CREATE TRIGGER poison BEFORE INSERT ON read_store_documents WHEN NEW.id = 'poison'
      BEGIN SELECT RAISE(ABORT, 'poisoned row'); END`);

    const batch = [
      products.replaceIfNewer({ id: 'a', doc: { _id: 'a', name: 'A2' }, guard: guard('a', 2) }),
      products.updateIfNewer({ id: 'b', set: { name: 'B' }, guard: guard('b', 1), upsert: true }),
      products.replaceIfNewer({ id: 'a', doc: null, guard: guard('a', 3) }),
      products.upsert({ _id: 'poison', name: 'P' }),
      store.setCheckpoint('progress', { offset: 4 }),
    ];
    expect(await products.count()).toBe(2);
    const settled = await Promise.allSettled(batch);

    expect(settled.map((outcome) => outcome.status)).toEqual(Array(5).fill('rejected'));
    expect(settled[0]).toMatchObject({ reason: { message: 'poisoned row' } });
    expect(await products.find({})).toEqual([{ _id: 'a', name: 'A1', _revisions: { 'product-a': 1 } }]);
    expect(await store.getCheckpoint('progress')).toEqual({ offset: 1 });
    expect(fileRows().map((row) => JSON.parse(row.body) as unknown)).toEqual([{ _id: 'a', name: 'A1', _revisions: { 'product-a': 1 } }]);

    // Memory agrees with the file again: the same writes apply, and are committed, once the cause is gone.
    db.exec('DROP TRIGGER poison');
    expect(await products.replaceIfNewer({ id: 'a', doc: { _id: 'a', name: 'A2' }, guard: guard('a', 2) })).toBe('applied');
    expect(await products.updateIfNewer({ id: 'b', set: { name: 'B' }, guard: guard('b', 1), upsert: true })).toBe('applied');
    expect(fileRows().map((row) => row.id)).toEqual(['a', 'b']);
  });

  it('rejects the writes queued when the database goes away before the commit', async () => {
    const products = store.collection<Product>('products');
    await products.upsert({ _id: 'kept', name: 'kept' });
    const lost = [products.upsert({ _id: 'lost', name: 'lost' }), products.updateIfNewer({ id: 'kept', set: { name: 'changed' }, guard: guard('kept', 1) })];
    db.close();
    const settled = await Promise.allSettled(lost);
    expect(settled.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect(await products.find({})).toEqual([{ _id: 'kept', name: 'kept' }]);
  });

  it('keeps checkpoints in order with the writes queued around them', async () => {
    const products = store.collection<Product>('products');
    await products.upsert({ _id: 'seed', name: 'seed' });
    trace.length = 0;
    const turn = [
      store.setCheckpoint('progress', { offset: 1 }),
      products.upsert({ _id: 'x', name: 'x' }),
      store.setCheckpoint('progress', { offset: 2 }),
    ];
    // A read of the file in the same turn commits what is queued first, so it sees the latest.
    expect(await store.getCheckpoint('progress')).toEqual({ offset: 2 });
    await Promise.all(turn);

    const written = trace.filter((sql) => /^(BEGIN|COMMIT|INSERT INTO read_store_(documents|checkpoints))/.test(sql)).map((sql) => sql.replace(/ \(.*$/s, ''));
    expect(written).toEqual(['BEGIN', 'INSERT INTO read_store_checkpoints', 'INSERT INTO read_store_documents', 'INSERT INTO read_store_checkpoints', 'COMMIT']);
  });

  it('commits queued writes before a drop of their collection, and close commits the rest', async () => {
    const products = store.collection<Product>('products');
    const turn = [
      products.upsert({ _id: 'before-drop', name: 'gone' }),
      products.drop(),
      products.upsert({ _id: 'after-drop', name: 'kept' }),
      ...ids(20).map((id) => products.replaceIfNewer({ id, doc: { _id: id, name: id }, guard: guard(id, 1) })),
      store.setCheckpoint('progress', { offset: 22 }),
    ];
    await store.close();
    await Promise.all(turn);

    const reopened = openEmbeddedReadStore(file);
    try {
      const found = await reopened.collection<Product>('products').find({}, { sort: { _id: 1 } });
      expect(found.map((doc) => doc._id)).toEqual(['after-drop', ...ids(20)]);
      expect(await reopened.getCheckpoint('progress')).toEqual({ offset: 22 });
      expect(await reopened.listCollections()).toEqual(['products']);
    } finally {
      await reopened.close();
    }
  });
});
