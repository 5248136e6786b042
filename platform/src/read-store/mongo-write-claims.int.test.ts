import { MongoClient, type Db } from 'mongodb';
import { createMongoReadStore } from './mongo';
import { createWriteClaims, type WriteClaim } from './mongo-write-claims';
import type { Document, ReadStore } from './port';
import type { Revisions } from './revisions';

const mongoUrl = process.env.MONGO_URL;
if (!mongoUrl) console.warn('mongo write claims suite skipped: set MONGO_URL to run it');

const describeWithMongo = mongoUrl ? describe : describe.skip;

interface Counter extends Document {
  value: number;
}

/**
 * Two processes' projection instances own one partition at once during a rebalance: two read
 * stores (two clients) write one document concurrently, the older revision racing the newer.
 * The newer must win every round; on FerretDB without claims it does not (a "matched" update is
 * overwritten by the other one).
 */
describeWithMongo('mongo read store: concurrent writers of one document', () => {
  let clients: MongoClient[] = [];
  let db: Db;
  let stores: [ReadStore, ReadStore];

  beforeEach(async () => {
    clients = await Promise.all([new MongoClient(mongoUrl as string).connect(), new MongoClient(mongoUrl as string).connect()]);
    const name = `write_claims_test_${Date.now().toString(36)}_${process.pid}`;
    db = (clients[0] as MongoClient).db(name);
    stores = [createMongoReadStore(db), createMongoReadStore((clients[1] as MongoClient).db(name))];
  });

  afterEach(async () => {
    await db.dropDatabase();
    await Promise.all(clients.map((client) => client.close()));
  });

  const rounds = 40;
  const stream = 'counter-c1';

  it('keeps the newest of two racing guarded updates, every round', async () => {
    const [older, newer] = stores.map((store) => store.collection<Counter>('counters'));
    await older?.updateIfNewer({ id: 'c1', set: { value: 0 }, guard: { stream, revision: 0 }, upsert: true });
    for (let round = 1; round <= rounds; round += 1) {
      await Promise.all([
        older?.updateIfNewer({ id: 'c1', set: { value: 2 * round - 1 }, guard: { stream, revision: 2 * round - 1 }, upsert: true }),
        newer?.updateIfNewer({ id: 'c1', set: { value: 2 * round }, guard: { stream, revision: 2 * round }, upsert: true }),
      ]);
      expect(await newer?.findOne({ _id: 'c1' })).toMatchObject({ value: 2 * round, _revisions: { [stream]: 2 * round } });
    }
  });

  it('keeps the newest of two racing batches of replaces, every round', async () => {
    const [older, newer] = stores.map((store) => store.collection<Counter>('counters'));
    const ids = ['a', 'b', 'c'];
    for (let round = 1; round <= rounds; round += 1) {
      const batch = (revision: number) => ids.map((id) => ({ id, doc: { value: revision }, guard: { stream: `counter-${id}`, revision } }));
      await Promise.all([older?.replaceManyIfNewer(batch(2 * round - 1)), newer?.replaceManyIfNewer(batch(2 * round))]);
      const docs = await newer?.find({}, { sort: { _id: 1 } });
      expect(docs?.map((doc) => doc.value)).toEqual(ids.map(() => 2 * round));
    }
  });

  it('keeps the newest of two racing batches of partial updates, and a third stream\'s fields, every round', async () => {
    const [older, newer] = stores.map((store) => store.collection<Counter>('counters'));
    const ids = ['a', 'b', 'c'];
    for (let round = 1; round <= rounds; round += 1) {
      const batch = (revision: number) => ids.map((id) => ({ id, set: { value: revision }, guard: { stream: `counter-${id}`, revision }, upsert: true }));
      const other = ids.map((id) => ({ id, set: { other: round }, guard: { stream: `other-${id}`, revision: round }, upsert: true }));
      await Promise.all([older?.updateManyIfNewer(batch(2 * round - 1)), newer?.updateManyIfNewer(batch(2 * round)), older?.updateManyIfNewer(other)]);
      const docs = await newer?.find({}, { sort: { _id: 1 } });
      expect(docs?.map((doc) => [doc.value, doc.other])).toEqual(ids.map(() => [2 * round, round]));
    }
  });

  it('claims each state it writes over once, and keeps the claims out of the listing', async () => {
    const counters = stores[0].collection<Counter>('counters');
    await counters.updateIfNewer({ id: 'c1', set: { value: 1 }, guard: { stream, revision: 1 }, upsert: true });
    await counters.updateIfNewer({ id: 'c1', set: { value: 2 }, guard: { stream, revision: 2 } });
    await counters.replaceIfNewer({ id: 'c1', doc: { value: 3 }, guard: { stream, revision: 3 } });
    // the insert needs none; the states at revisions 1 and 2 were claimed
    expect(await db.collection('_claims').countDocuments({})).toBe(2);
    expect(await stores[0].listCollections()).toEqual(['counters']);
  });

  it('refuses a lease that a write would not wait out', () => {
    expect(() => createMongoReadStore(db, { claimLeaseMs: 30_000 })).toThrow('claimLeaseMs must be between 1000 and 20000 ms, got 30000');
    expect(() => createMongoReadStore(db, { claimLeaseMs: 0 })).toThrow('claimLeaseMs must be between');
  });

  it('writes over a state whose writer died holding it, once the lease ran out, and not before', async () => {
    const counters = stores[0].collection<Counter>('counters');
    await counters.updateIfNewer({ id: 'c1', set: { value: 1 }, guard: { stream, revision: 1 }, upsert: true });
    // a dead writer's claim on the state at revision 1, taken 14 s ago (the lease is 15 s)
    const key = JSON.stringify(['counters', 'c1', JSON.stringify([[stream, 1]]), 0]);
    await db.collection<{ _id: string; at: number }>('_claims').insertOne({ _id: key, at: Date.now() - 14_000 });
    const started = Date.now();
    await counters.updateIfNewer({ id: 'c1', set: { value: 2 }, guard: { stream, revision: 2 } });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(await counters.findOne({ _id: 'c1' })).toMatchObject({ value: 2, _revisions: { [stream]: 2 } });
  });
});

describeWithMongo('mongo write claims', () => {
  let client: MongoClient;
  let db: Db;

  beforeEach(async () => {
    client = await new MongoClient(mongoUrl as string).connect();
    db = client.db(`write_claims_unit_${Date.now().toString(36)}_${process.pid}`);
  });

  afterEach(async () => {
    await db.dropDatabase();
    await client.close();
  });

  it('gives a state to one writer, and to another only once the lease ran out or the first gave it back', async () => {
    let clock = 1_000_000;
    const claims = createWriteClaims(db.collection<WriteClaim>('_claims'), { leaseMs: 3000, writeWithinMs: 1000, now: () => clock });
    const state = new Map([['d1', { 'order-1': 4, 'payment-1': 2 }]]);
    const first = (await claims.claim('orders', state, clock)).held;
    expect(first).toEqual([expect.objectContaining({ id: 'd1', takenOver: false })]);
    // the same revisions in another field order are the same state
    expect((await claims.claim('orders', new Map([['d1', { 'payment-1': 2, 'order-1': 4 }]]), clock)).held).toEqual([]);
    // a writer that read another state is not held up
    expect((await claims.claim('orders', new Map([['d1', { 'order-1': 5 }]]), clock)).held).toHaveLength(1);

    clock += 1001;
    expect(claims.isLate(first[0] as never)).toBe(true);
    clock += 2000; // the first writer died without writing
    const taken = (await claims.claim('orders', state, clock)).held;
    expect(taken).toEqual([expect.objectContaining({ id: 'd1', takenOver: true })]);
    expect(taken[0]?.key).not.toBe(first[0]?.key);
    expect(claims.isLate(taken[0] as never)).toBe(false);
    expect((await claims.claim('orders', state, clock)).held).toEqual([]);

    await claims.abandon(taken);
    expect((await claims.claim('orders', state, clock)).held).toEqual([expect.objectContaining({ takenOver: true })]);
  });

  it('tells a refused writer to come back at the lease\'s end once no holder can still write, and not before', async () => {
    let clock = 1_000_000;
    const claims = createWriteClaims(db.collection<WriteClaim>('_claims'), { leaseMs: 3000, writeWithinMs: 1000, now: () => clock });
    const states = new Map<string, Revisions | undefined>([
      ['d1', { 'order-1': 4 }],
      ['d2', { 'order-2': 7 }],
    ]);
    expect((await claims.claim('orders', new Map([['d1', states.get('d1')]]), clock)).held).toHaveLength(1);
    clock += 400;
    expect((await claims.claim('orders', new Map([['d2', states.get('d2')]]), clock)).held).toHaveLength(1);

    // d1's holder may still write: ask again soon
    clock += 300;
    expect(await claims.claim('orders', new Map([['d1', states.get('d1')]]), clock)).toEqual({ held: [], retryAt: undefined });
    // past d1's holder's time to write but not d2's: d1 alone is told its lease's end; with d2 both are asked again soon
    clock += 400;
    expect(await claims.claim('orders', new Map([['d1', states.get('d1')]]), clock)).toEqual({ held: [], retryAt: 1_000_000 + 3000 });
    expect(await claims.claim('orders', states, clock)).toEqual({ held: [], retryAt: undefined });
    // past both: the later lease's end
    clock += 400;
    expect(await claims.claim('orders', states, clock)).toEqual({ held: [], retryAt: 1_000_000 + 400 + 3000 });
    expect(await claims.claim('orders', new Map([['d1', states.get('d1')]]), clock)).toEqual({ held: [], retryAt: 1_000_000 + 3000 });
    // one refused, one held: the refused one's lease end
    expect(await claims.claim('orders', new Map([...states, ['d3', { 'order-3': 1 }]]), clock)).toEqual({ held: [expect.objectContaining({ id: 'd3' })], retryAt: 1_000_000 + 400 + 3000 });
    expect((await claims.claim('orders', new Map([['d4', undefined]]), clock)).retryAt).toBeUndefined();
  });
});
