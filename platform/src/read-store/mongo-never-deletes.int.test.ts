import { MongoClient } from 'mongodb';
import type { CommandStartedEvent, Db } from 'mongodb';
import { createMongoReadStore } from './mongo';
import type { Document } from './port';

const mongoUrl = process.env.MONGO_URL;
if (!mongoUrl) console.warn('mongo read store neverDeletes tests skipped: set MONGO_URL to run them');

const describeWithMongo = mongoUrl ? describe : describe.skip;

type Product = Document & { name: string };

describeWithMongo('mongo read store set to never delete', () => {
  let client: MongoClient;
  let db: Db;
  const tombstoneReads: CommandStartedEvent[] = [];

  beforeAll(async () => {
    client = await new MongoClient(mongoUrl as string, { monitorCommands: true }).connect();
    db = client.db(`read_store_never_deletes_${Date.now().toString(36)}_${process.pid}`);
    client.on('commandStarted', (event) => {
      if (event.databaseName === db.databaseName && event.commandName === 'find' && event.command.find === '_tombstones') tombstoneReads.push(event);
    });
  });
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });
  beforeEach(() => {
    tombstoneReads.length = 0;
  });

  it('creates new documents without looking for their tombstones, after asking once whether the collection has any', async () => {
    const products = createMongoReadStore(db, { neverDeletes: true }).collection<Product>('never_deleted');
    expect(await products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'one' }, guard: { stream: 'product-p1', revision: 0 } })).toBe('applied');
    expect(await products.replaceManyIfNewer([
      { id: 'p2', doc: { _id: 'p2', name: 'two' }, guard: { stream: 'product-p2', revision: 0 } },
      { id: 'p3', doc: { _id: 'p3', name: 'three' }, guard: { stream: 'product-p3', revision: 0 } },
    ])).toEqual(['applied', 'applied']);
    expect(await products.updateIfNewer({ id: 'p4', set: { name: 'four' }, guard: { stream: 'product-p4', revision: 0 }, upsert: true })).toBe('applied');
    expect(await products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'stale' }, guard: { stream: 'product-p1', revision: 0 } })).toBe('stale');
    expect((await products.find({}, { sort: { _id: 1 } })).map((doc) => doc.name)).toEqual(['one', 'two', 'three', 'four']);
    // the one question whether the collection has tombstones, not one per new document
    expect(tombstoneReads.map((event) => event.command.filter)).toEqual([{ collection: 'never_deleted' }]);
  });

  it('refuses a guarded deletion and writes nothing of it', async () => {
    const products = createMongoReadStore(db, { neverDeletes: true }).collection<Product>('never_deleted_refused');
    await products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'one' }, guard: { stream: 'product-p1', revision: 0 } });
    await expect(products.replaceIfNewer({ id: 'p1', doc: null, guard: { stream: 'product-p1', revision: 1 } })).rejects.toThrow(/neverDeletes/);
    await expect(products.replaceManyIfNewer([
      { id: 'p2', doc: { _id: 'p2', name: 'two' }, guard: { stream: 'product-p2', revision: 0 } },
      { id: 'p1', doc: null, guard: { stream: 'product-p1', revision: 1 } },
    ])).rejects.toThrow(/neverDeletes/);
    expect(await products.find({})).toEqual([{ _id: 'p1', name: 'one', _revisions: { 'product-p1': 0 } }]);
    expect(await db.collection('_tombstones').countDocuments({ collection: 'never_deleted_refused' })).toBe(0);
  });

  it('still reads the tombstones of a collection that has some, left by a writer without the setting', async () => {
    const name = 'deleted_before';
    const before = createMongoReadStore(db).collection<Product>(name);
    await before.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'one' }, guard: { stream: 'product-p1', revision: 0 } });
    await before.replaceIfNewer({ id: 'p1', doc: null, guard: { stream: 'product-p1', revision: 3 } });

    const products = createMongoReadStore(db, { neverDeletes: true }).collection<Product>(name);
    // an event older than the deletion, delivered again, does not bring the document back
    expect(await products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'redelivered' }, guard: { stream: 'product-p1', revision: 2 } })).toBe('stale');
    expect(await products.findOne({ _id: 'p1' })).toBeNull();
    expect(await products.replaceIfNewer({ id: 'p1', doc: { _id: 'p1', name: 'again' }, guard: { stream: 'product-p1', revision: 4 } })).toBe('applied');
    expect(await products.findOne({ _id: 'p1' })).toMatchObject({ name: 'again' });
  });
});
