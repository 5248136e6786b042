import { MongoClient, type Collection, type Db } from 'mongodb';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createMongoReadStore } from './mongo';
import type { Document, ReadStore } from './port';

const mongoUrl = process.env.MONGO_URL;
if (!mongoUrl) console.warn('mongo lost connection suite skipped: set MONGO_URL to run it');

const describeWithMongo = mongoUrl ? describe : describe.skip;

/** A TCP relay to the server that can be cut: open connections closed, new ones refused. */
async function startRelay(target: URL) {
  const sockets = new Set<Socket>();
  let cut = false;
  const server: Server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = connect(Number(target.port || 27017), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    cut() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    restore() {
      cut = false;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Fact extends Document {
  total: number;
}

/**
 * The server going away while a projection's batch of new documents is being written (the
 * torture run stops FerretDB): the driver reports its own failure of a bulk write as a bulk
 * error without write errors. Taken for "no write failed", every insert was reported applied
 * while none was stored, the batch's offsets were committed, and those documents never came.
 */
describeWithMongo('mongo read store: connection lost during a bulk write', () => {
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let client: MongoClient;
  let direct: MongoClient;
  let db: Db;
  let store: ReadStore;
  let claimedStore: ReadStore;
  let cutBeforeBulkWrite = false;
  /** When each request to the write claims' collection was made. */
  let claimRequests: number[] = [];

  beforeEach(async () => {
    relay = await startRelay(new URL(mongoUrl as string));
    const name = `lost_connection_test_${Date.now().toString(36)}_${process.pid}`;
    client = await new MongoClient(`mongodb://127.0.0.1:${relay.port}`, { serverSelectionTimeoutMS: 2000, directConnection: true }).connect();
    direct = await new MongoClient(mongoUrl as string).connect();
    db = client.db(name);
    // the connection is cut at the moment the batch's bulk write goes out, after its reads
    const cutting = (collection: Collection<Document>) =>
      new Proxy(collection, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (property === 'bulkWrite' && cutBeforeBulkWrite) relay.cut();
            if (collection.collectionName === claimsCollection) claimRequests.push(Date.now());
            return (value as (...parameters: unknown[]) => unknown).apply(target, args);
          };
        },
      });
    const cuttingDb = new Proxy(db, {
      get(target, property, receiver) {
        if (property !== 'collection') return Reflect.get(target, property, receiver);
        return (collectionName: string) => cutting(target.collection(collectionName));
      },
    });
    store = createMongoReadStore(cuttingDb);
    claimedStore = createMongoReadStore(cuttingDb, { writeClaims: true, claimLeaseMs, claimsCollection });
  });

  afterEach(async () => {
    relay.restore();
    await direct.db(db.databaseName).dropDatabase();
    await Promise.all([client.close(), direct.close()]);
    await relay.close();
  });

  const claimsCollection = '_claims_test';
  const claimLeaseMs = 6000;
  const writes = ['order-1', 'order-2', 'order-3'].map((id, index) => ({ id, doc: { total: 10 * (index + 1) }, guard: { stream: id, revision: 0 } }));

  it('fails the write of new documents, so that the batch is redelivered, and stores them when it is', async () => {
    const facts = store.collection<Fact>('facts');
    await facts.replaceManyIfNewer([{ id: 'order-0', doc: { total: 0 }, guard: { stream: 'order-0', revision: 0 } }]);

    cutBeforeBulkWrite = true;
    await expect(facts.replaceManyIfNewer(writes)).rejects.toThrow();
    cutBeforeBulkWrite = false;
    relay.restore();

    const stored = direct.db(db.databaseName).collection('facts');
    expect(await stored.countDocuments({ _id: { $in: writes.map((write) => write.id) } } as never)).toBe(0);
    expect(await facts.replaceManyIfNewer(writes)).toEqual(['applied', 'applied', 'applied']);
    expect((await stored.find({}).sort({ _id: 1 }).toArray()).map((doc) => [doc._id, doc.total])).toEqual([
      ['order-0', 0],
      ['order-1', 10],
      ['order-2', 20],
      ['order-3', 30],
    ]);
  });

  it('redoes a failed write of live documents at the end of its claims\' lease, without polling them meanwhile', async () => {
    const facts = claimedStore.collection<Fact>('facts');
    const update = (revision: number) => writes.map((write) => ({ id: write.id, set: { total: write.doc.total + revision }, guard: { stream: write.id, revision }, upsert: true }));
    expect(await facts.updateManyIfNewer(update(0))).toEqual(['applied', 'applied', 'applied']);

    // the server goes away after the documents' states were claimed: whether the write took effect is unknown, so the claims stay
    const claimedAt = Date.now();
    cutBeforeBulkWrite = true;
    await expect(facts.updateManyIfNewer(update(1))).rejects.toThrow();
    cutBeforeBulkWrite = false;
    relay.restore();

    claimRequests = [];
    expect(await facts.updateManyIfNewer(update(1))).toEqual(['applied', 'applied', 'applied']);
    // not before the lease ran out (the lost write might still have been inside the server), and soon after
    expect(Date.now() - claimedAt).toBeGreaterThanOrEqual(claimLeaseMs);
    expect(Date.now() - claimedAt).toBeLessThan(claimLeaseMs + 1500);
    // asked again less and less often while a holder might still write (half the lease here), read
    // once more, then left alone until the lease's end: 75 and 77 requests in two runs; polled every
    // 250 ms at most, as before, 313 and 319
    expect(claimRequests.length).toBeLessThanOrEqual(120);
    expect(claimRequests.filter((at) => at - claimedAt > claimLeaseMs * 0.72 && at - claimedAt < claimLeaseMs - 100)).toEqual([]);
    const stored = direct.db(db.databaseName).collection('facts');
    expect((await stored.find({}).sort({ _id: 1 }).toArray()).map((doc) => [doc._id, doc.total])).toEqual([
      ['order-1', 11],
      ['order-2', 21],
      ['order-3', 31],
    ]);
  });
});
