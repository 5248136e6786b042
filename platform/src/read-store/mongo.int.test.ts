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
