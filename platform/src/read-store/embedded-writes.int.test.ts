import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openEmbeddedReadStore } from './embedded';
import type { Document, ReadStore } from './port';

interface Product extends Document {
  name?: string;
  stock?: { available: number; inStock?: boolean };
}

/**
 * Writes skip statements that memory shows are not needed (replacing a live document neither
 * registers its collection nor clears a tombstone), so the file must still say what memory says.
 */
describe('embedded read store writes', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-store-writes-'));
    file = path.join(dir, 'read.db');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const reopened = async <R>(read: (store: ReadStore) => Promise<R>): Promise<R> => {
    const store = openEmbeddedReadStore(file);
    try {
      return await read(store);
    } finally {
      await store.close();
    }
  };
  const rowsOf = (table: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare(`SELECT id FROM read_store_${table} ORDER BY id`).all();
    } finally {
      db.close();
    }
  };

  it('keeps memory and file in agreement through updates, deletes and resurrections', async () => {
    const store = openEmbeddedReadStore(file);
    const products = store.collection<Product>('products');
    const stream = (revision: number) => ({ stream: 'product-p1', revision });
    await products.updateIfNewer({ id: 'p1', set: { name: 'Shoe' }, guard: stream(1), upsert: true });
    await products.updateIfNewer({ id: 'p1', set: { stock: { available: 2, inStock: true } }, guard: { stream: 'inventory-s.1', revision: 1 } });
    await products.updateIfNewer({ id: 'p1', set: { 'stock.available': 0 }, guard: { stream: 'inventory-s.1', revision: 2 } });
    await products.replaceIfNewer({ id: 'p2', doc: { _id: 'p2', name: 'Hat' }, guard: { stream: 'product-p2', revision: 1 } });
    await products.replaceIfNewer({ id: 'p2', doc: null, guard: { stream: 'product-p2', revision: 2 } });
    await products.replaceIfNewer({ id: 'p3', doc: null, guard: { stream: 'product-p3', revision: 1 } });
    await products.updateIfNewer({ id: 'p3', set: { name: 'Back' }, guard: { stream: 'product-p3', revision: 2 }, upsert: true });
    await products.upsert({ _id: 'p4', name: 'Scarf' });
    await products.upsert({ _id: 'p4', name: 'Long scarf' });
    const inMemory = await products.find({}, { sort: { _id: 1 } });
    await store.close();

    expect(inMemory).toEqual([
      { _id: 'p1', name: 'Shoe', stock: { available: 0, inStock: true }, _revisions: { 'product-p1': 1, 'inventory-s.1': 2 } },
      { _id: 'p3', name: 'Back', _revisions: { 'product-p3': 2 } },
      { _id: 'p4', name: 'Long scarf' },
    ]);
    expect(await reopened((again) => again.collection<Product>('products').find({}, { sort: { _id: 1 } }))).toEqual(inMemory);
    expect(rowsOf('documents')).toEqual([{ id: 'p1' }, { id: 'p3' }, { id: 'p4' }]);
    expect(rowsOf('tombstones')).toEqual([{ id: 'p2' }]);
    expect(await reopened((again) => again.collection<Product>('products').replaceIfNewer({ id: 'p2', doc: { _id: 'p2' }, guard: { stream: 'product-p2', revision: 2 } }))).toBe('stale');
  });

  it('registers a collection whose first write is a partial update, and only once its transaction commits', async () => {
    const store = openEmbeddedReadStore(file);
    await store.collection<Product>('unique').createIndex({ keys: { name: 1 }, unique: true });
    await store.collection<Product>('unique').upsert({ _id: 'a', name: 'taken' });
    await expect(store.collection<Product>('unique').updateIfNewer({ id: 'b', set: { name: 'taken' }, guard: { stream: 'b', revision: 1 }, upsert: true })).rejects.toMatchObject({ code: 'conflict' });
    await store.collection<Product>('fresh').updateIfNewer({ id: 'x', set: { name: 'first' }, guard: { stream: 'x', revision: 1 }, upsert: true });
    expect(await store.listCollections()).toEqual(['fresh', 'unique']);
    await store.close();
    expect(await reopened((again) => again.collection<Product>('unique').find({}))).toEqual([{ _id: 'a', name: 'taken' }]);
    expect(await reopened((again) => again.collection<Product>('fresh').findOne({ _id: 'x' }))).toEqual({ _id: 'x', name: 'first', _revisions: { x: 1 } });
  });

  it('moves the documents of a file written with the earlier WITHOUT ROWID table, once, and keeps serving them', async () => {
    const earlier = new Database(file);
    earlier.exec(`
      CREATE TABLE read_store_collections (name TEXT PRIMARY KEY) WITHOUT ROWID;
      CREATE TABLE read_store_documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
      INSERT INTO read_store_collections VALUES ('products');
      INSERT INTO read_store_documents VALUES ('products', 'p1', '{"_id":"p1","name":"Shoe","_revisions":{"product-p1":2}}');
    `);
    earlier.close();
    const tableSql = () => {
      const db = new Database(file, { readonly: true });
      try {
        return (db.prepare("SELECT group_concat(sql, ';') AS sql FROM sqlite_master WHERE name LIKE 'read_store_documents%'").get() as { sql: string }).sql;
      } finally {
        db.close();
      }
    };

    const store = openEmbeddedReadStore(file);
    const products = store.collection<Product>('products');
    expect(await products.find({})).toEqual([{ _id: 'p1', name: 'Shoe', _revisions: { 'product-p1': 2 } }]);
    expect(await products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'old' }, guard: { stream: 'product-p1', revision: 2 } })).toBe('stale');
    await products.updateIfNewer({ id: 'p1', set: { name: 'Boot' }, guard: { stream: 'product-p1', revision: 3 } });
    await store.close();

    expect(tableSql()).not.toMatch(/WITHOUT ROWID/i);
    expect(tableSql()).not.toMatch(/;/);
    expect(await reopened((again) => again.collection<Product>('products').find({}))).toEqual([{ _id: 'p1', name: 'Boot', _revisions: { 'product-p1': 3 } }]);
  });

  it('finds by _id alone with skip and limit as a query would', async () => {
    const store = openEmbeddedReadStore(file);
    const products = store.collection<Product>('products');
    for (const id of ['a', 'b', 'c']) await products.upsert({ _id: id, name: id });
    expect(await products.findOne({ _id: 'missing' })).toBeNull();
    const selected = await products.find({ _id: { $in: ['c', 'a', 'c', 'x'] } });
    expect(selected).toHaveLength(2);
    expect(selected).toEqual(expect.arrayContaining([{ _id: 'c', name: 'c' }, { _id: 'a', name: 'a' }]));
    expect(await products.find({ _id: { $in: ['a', 'b', 'c'] } }, { skip: 1, limit: 1 })).toEqual([{ _id: 'b', name: 'b' }]);
    expect(await products.find({ _id: { $in: ['c', 'a'] } }, { sort: { _id: 1 } })).toEqual([{ _id: 'a', name: 'a' }, { _id: 'c', name: 'c' }]);
    const found = await products.findOne({ _id: 'a' });
    if (found) found.name = 'changed by the caller';
    expect(await products.findOne({ _id: 'a' })).toEqual({ _id: 'a', name: 'a' });
    await store.close();
  });
});
