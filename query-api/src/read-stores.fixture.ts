import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { createMongoReadStore, openEmbeddedReadStore } from '@ecommerce/platform';
import type { ReadStore } from '@ecommerce/platform';

/** A fresh, empty read store and how to throw it away. */
export interface TestReadStore {
  store: ReadStore;
  cleanup(): Promise<void>;
}

const mongoUrl = process.env.MONGO_URL;

async function openEmbedded(): Promise<TestReadStore> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'query-api-'));
  const store = openEmbeddedReadStore(path.join(dir, 'read.db'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function openMongo(): Promise<TestReadStore> {
  const client = await new MongoClient(mongoUrl as string).connect();
  const db = client.db(`query_api_test_${Date.now().toString(36)}_${process.pid}`);
  return {
    store: createMongoReadStore(db),
    cleanup: async () => {
      await db.dropDatabase();
      await client.close();
    },
  };
}

/** The embedded read store always; the MongoDB-wire server too when `MONGO_URL` is set (`eval "$(bash scripts/infra/env.sh)"`). */
export const testReadStores: Array<[string, () => Promise<TestReadStore>]> = mongoUrl ? [['embedded', openEmbedded], ['mongo', openMongo]] : [['embedded', openEmbedded]];

if (!mongoUrl) console.warn('query routes on MongoDB skipped: set MONGO_URL to run them');
