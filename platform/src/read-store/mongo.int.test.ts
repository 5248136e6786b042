import { MongoClient } from 'mongodb';
import { readStoreContract } from './contract';
import { createMongoReadStore } from './mongo';

const mongoUrl = process.env.MONGO_URL;
if (!mongoUrl) console.warn('mongo read store contract skipped: set MONGO_URL to run it');

const describeWithMongo = mongoUrl ? describe : describe.skip;

describeWithMongo('mongo read store', () => {
  readStoreContract('mongo', async () => {
    const client = await new MongoClient(mongoUrl as string).connect();
    const db = client.db(`read_store_test_${Date.now().toString(36)}_${process.pid}`);
    return {
      store: createMongoReadStore(db),
      cleanup: async () => {
        await db.dropDatabase();
        await client.close();
      },
    };
  });
});

describeWithMongo('mongo server', () => {
  // The projections read a batch's documents with one `_id` list (`readByIds`): on a server that
  // scanned the collection for it (FerretDB 1.24 as released), that would read every document.
  it('finds an _id list on the _id index, and only the listed documents', async () => {
    const client = await new MongoClient(mongoUrl as string).connect();
    const db = client.db(`id_list_test_${Date.now().toString(36)}_${process.pid}`);
    try {
      const docs = db.collection<{ _id: string; n: number }>('docs');
      await docs.insertMany(Array.from({ length: 200 }, (_, n) => ({ _id: `doc-${n}`, n })));
      const filter = { _id: { $in: ['doc-7', 'doc-150', 'absent', 'doc-7'] } };
      expect((await docs.find(filter).toArray()).map((doc) => doc._id).sort()).toEqual(['doc-150', 'doc-7']);
      // FerretDB explains SQLite's plan ("SEARCH … USING INDEX …__id_"), MongoDB its own (an IXSCAN, or IDHACK-like EXPRESS plans)
      const plan = JSON.stringify((await docs.find(filter).explain()).queryPlanner);
      expect(plan).toMatch(/USING INDEX \S+__id_|IXSCAN|EXPRESS/);
      expect(plan).not.toMatch(/detail=SCAN |COLLSCAN/);
    } finally {
      await db.dropDatabase();
      await client.close();
    }
  });
});
