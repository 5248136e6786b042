import { MongoClient } from 'mongodb';
import type { CommandStartedEvent, Db } from 'mongodb';
import { createMongoReadStore } from './mongo';
import type { Document } from './port';

const mongoUrl = process.env.MONGO_URL;
if (!mongoUrl) console.warn('mongo read store large update tests skipped: set MONGO_URL to run them');

const describeWithMongo = mongoUrl ? describe : describe.skip;

type Product = Document & { name: string };

const entries = (prefix: string, count: number, name: string, revision: number) => Array.from({ length: count }, (_, index) => {
  const id = `${prefix}${String(index).padStart(4, '0')}`;
  return { id, doc: { _id: id, name }, guard: { stream: `product-${id}`, revision } };
});

/**
 * A read model's batch rewrites its documents in one `update` command of as many statements. The
 * MongoDB-wire server of the tests (FerretDB 1.24 on SQLite, as built by scripts/infra) kept each
 * statement's query open until the whole command returned: a command of 100 statements or more, or
 * two of 50, took every connection of its pool and waited for one more for good (the read side of
 * `npm run bench` stopped at 200 orders/s). scripts/infra patches it; this is what shows it.
 */
describeWithMongo('mongo read store: a batch of many updates in one command', () => {
  let client: MongoClient;
  let db: Db;
  const updates: CommandStartedEvent[] = [];

  beforeAll(async () => {
    // a server that hangs fails the test with the driver's timeout, and lets the database be dropped after
    client = await new MongoClient(mongoUrl as string, { monitorCommands: true, socketTimeoutMS: 20_000 }).connect();
    db = client.db(`read_store_large_updates_${Date.now().toString(36)}_${process.pid}`);
    client.on('commandStarted', (event) => {
      if (event.databaseName === db.databaseName && event.commandName === 'update') updates.push(event);
    });
  });
  afterAll(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('rewrites 300 documents in one update command, and two such batches at once', async () => {
    const store = createMongoReadStore(db);
    const products = store.collection<Product>('many_updates');
    const others = store.collection<Product>('many_updates_too');
    await products.replaceManyIfNewer(entries('a', 300, 'first', 0));
    await others.replaceManyIfNewer(entries('b', 300, 'first', 0));
    updates.length = 0;

    expect(await products.replaceManyIfNewer(entries('a', 300, 'second', 1))).toEqual(Array(300).fill('applied'));
    const statements = updates.map((event) => (event.command.updates as unknown[]).length);
    expect(Math.max(...statements)).toBeGreaterThanOrEqual(100); // what the server must take in one command

    const [first, second] = await Promise.all([products.replaceManyIfNewer(entries('a', 300, 'third', 2)), others.replaceManyIfNewer(entries('b', 300, 'second', 1))]);
    expect([...first, ...second]).toEqual(Array(600).fill('applied'));
    expect(new Set((await products.find({})).map((doc) => doc.name))).toEqual(new Set(['third']));
    expect((await others.find({ name: 'second' })).length).toBe(300);
  }, 60_000);
});
