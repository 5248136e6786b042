import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { createMongoReadStore } from './mongo';
import { openEmbeddedReadStore } from './embedded';
import type { ReadStore } from './port';

/** A fresh, empty read store and how to throw it away. */
export interface TestReadStore {
  store: ReadStore;
  cleanup(): Promise<void>;
  /** The names of a collection's indexes, where the store can tell (MongoDB). */
  indexNames?(collection: string): Promise<string[]>;
}

const mongoUrl = process.env.MONGO_URL;

async function openEmbedded(): Promise<TestReadStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'read-store-'));
  const store = openEmbeddedReadStore(path.join(dir, 'read.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let databases = 0;

async function openMongo(): Promise<TestReadStore> {
  const client = await new MongoClient(mongoUrl as string).connect();
  databases += 1;
  const db = client.db(`read_store_test_${Date.now().toString(36)}_${process.pid}_${databases}`);
  return {
    store: createMongoReadStore(db),
    indexNames: async (collection) => (await db.collection(collection).listIndexes().toArray()).map((index) => String(index.name)),
    cleanup: async () => {
      await db.dropDatabase();
      await client.close();
    },
  };
}

/**
 * The read stores a projection or query test runs on: the embedded one always, the MongoDB-wire
 * server when `MONGO_URL` is set (`eval "$(bash scripts/infra/env.sh)"`), as the port's contract suite does.
 */
export const testReadStores: Array<[string, () => Promise<TestReadStore>]> = mongoUrl ? [['embedded', openEmbedded], ['mongo', openMongo]] : [['embedded', openEmbedded]];

if (!mongoUrl) console.warn('read model tests on MongoDB skipped: set MONGO_URL to run them');
