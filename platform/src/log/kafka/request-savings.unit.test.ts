import { ageUnagedMetadata, cacheCoordinatorLookups, checkHeldRequestsOnlyWhenHeld, noteOffsetsCommittedInTransaction, skipCommitsDoneInTransactions } from './request-savings';
import type { OffsetManagerClass, RequestQueueClass } from './request-savings';

class FakeBroker {
  connected = true;
  failNext = false;
  constructor(readonly nodeId: number) {}
  isConnected() {
    return this.connected;
  }
  async endTxn(): Promise<string> {
    if (this.failNext) {
      this.failNext = false;
      throw Object.assign(new Error('not the coordinator'), { type: 'NOT_COORDINATOR' });
    }
    return `done by ${this.nodeId}`;
  }
}

function createTestCluster() {
  let clock = 0;
  const lookups: string[] = [];
  class Cluster {
    coordinator = new FakeBroker(1);
    async findGroupCoordinator({ groupId, coordinatorType = 0 }: { groupId: string; coordinatorType?: number }): Promise<FakeBroker> {
      lookups.push(`${coordinatorType}:${groupId}`);
      return this.coordinator;
    }
  }
  cacheCoordinatorLookups(Cluster, 1000, () => clock);
  return { Cluster, lookups, advance: (ms: number) => void (clock += ms) };
}

describe('coordinator lookups cached per kafkajs cluster', () => {
  it('asks the broker once per group and coordinator type while the answer stands', async () => {
    const { Cluster, lookups } = createTestCluster();
    const cluster = new Cluster();
    for (let i = 0; i < 5; i++) await cluster.findGroupCoordinator({ groupId: 'tx-1', coordinatorType: 1 });
    await cluster.findGroupCoordinator({ groupId: 'tx-1' });
    await new Cluster().findGroupCoordinator({ groupId: 'tx-1', coordinatorType: 1 });
    expect(lookups).toEqual(['1:tx-1', '0:tx-1', '1:tx-1']);
  });

  it('asks again once a request to the cached coordinator failed, and the failure still reaches the caller', async () => {
    const { Cluster, lookups } = createTestCluster();
    const cluster = new Cluster();
    const first = await cluster.findGroupCoordinator({ groupId: 'tx-1', coordinatorType: 1 });
    cluster.coordinator.failNext = true;
    await expect(first.endTxn()).rejects.toThrow('not the coordinator');
    cluster.coordinator = new FakeBroker(2);
    const second = await cluster.findGroupCoordinator({ groupId: 'tx-1', coordinatorType: 1 });
    await expect(second.endTxn()).resolves.toBe('done by 2');
    expect(lookups).toEqual(['1:tx-1', '1:tx-1']);
  });

  it('asks again when the cached broker is disconnected or the answer is older than the ttl', async () => {
    const { Cluster, lookups, advance } = createTestCluster();
    const cluster = new Cluster();
    await cluster.findGroupCoordinator({ groupId: 'g' });
    cluster.coordinator.connected = false;
    cluster.coordinator = new FakeBroker(3);
    expect(await (await cluster.findGroupCoordinator({ groupId: 'g' })).endTxn()).toBe('done by 3');
    advance(999);
    await cluster.findGroupCoordinator({ groupId: 'g' });
    advance(1);
    await cluster.findGroupCoordinator({ groupId: 'g' });
    expect(lookups).toEqual(['0:g', '0:g', '0:g']);
  });

  it('does not keep a failed lookup', async () => {
    let attempts = 0;
    class Cluster {
      async findGroupCoordinator(_query: { groupId: string }): Promise<FakeBroker> {
        attempts += 1;
        if (attempts === 1) throw new Error('GROUP_COORDINATOR_NOT_AVAILABLE');
        return new FakeBroker(1);
      }
    }
    cacheCoordinatorLookups(Cluster, 1000);
    const cluster = new Cluster();
    await expect(cluster.findGroupCoordinator({ groupId: 'g' })).rejects.toThrow('GROUP_COORDINATOR_NOT_AVAILABLE');
    await expect(cluster.findGroupCoordinator({ groupId: 'g' })).resolves.toBeInstanceOf(FakeBroker);
    expect(attempts).toBe(2);
  });
});

describe('metadata of a kafkajs client built without a max age', () => {
  it('is kept for the given age; a pool with an age of its own keeps it', async () => {
    class BrokerPool {
      constructor(public metadataMaxAge: number) {}
      async refreshMetadataIfNecessary(_topics: string[]): Promise<void> {}
    }
    ageUnagedMetadata(BrokerPool, 2000);
    const admin = new BrokerPool(0);
    const producer = new BrokerPool(300_000);
    await admin.refreshMetadataIfNecessary(['t']);
    await producer.refreshMetadataIfNecessary(['t']);
    expect(admin.metadataMaxAge).toBe(2000);
    expect(producer.metadataMaxAge).toBe(300_000);
  });
});

describe("a kafkajs consumer's commit of offsets a transaction committed", () => {
  /** kafkajs's own OffsetManager (internal), its coordinator a recorder of the OffsetCommit requests. */
  function offsetManagerOf(groupId: string) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- kafkajs's internal class, as the adapter patches it
    const OffsetManager = require('kafkajs/src/consumer/offsetManager') as OffsetManagerClass & (new (options: object) => {
      resolveOffset(offset: { topic: string; partition: number; offset: string }): void;
      commitOffsets(offsets?: { topics?: unknown }): Promise<void>;
      commitOffsetsIfNecessary(): Promise<void>;
    });
    skipCommitsDoneInTransactions(OffsetManager);
    const requests: unknown[] = [];
    const committed: Record<string, Record<string, string>> = {};
    const coordinator = { isConnected: () => true, offsetCommit: async (payload: { topics: unknown }) => void requests.push(payload.topics) };
    const manager = new OffsetManager({
      cluster: { committedOffsets: () => committed }, coordinator, memberAssignment: { orders: [0, 1] }, autoCommit: true, autoCommitThreshold: 1,
      topicConfigurations: [], instrumentationEmitter: { emit: () => undefined }, groupId, generationId: 1, memberId: 'member-1',
    });
    return { manager, requests, committed };
  }

  it('is not sent again; one the transactions did not write is', async () => {
    const { manager, requests, committed } = offsetManagerOf('router-skip');
    noteOffsetsCommittedInTransaction('router-skip', [{ topic: 'orders', partition: 0, offset: 8 }]);
    manager.resolveOffset({ topic: 'orders', partition: 0, offset: '7' });
    await manager.commitOffsetsIfNecessary();
    expect(requests).toEqual([]);
    expect(committed.orders?.[0]).toBe('8');
    // past the markers of an aborted transaction: no transaction wrote this one
    manager.resolveOffset({ topic: 'orders', partition: 0, offset: '9' });
    manager.resolveOffset({ topic: 'orders', partition: 1, offset: '2' });
    noteOffsetsCommittedInTransaction('router-skip', [{ topic: 'orders', partition: 1, offset: 3 }]);
    await manager.commitOffsets();
    expect(requests).toEqual([[{ topic: 'orders', partitions: [{ partition: '0', offset: '10' }] }]]);
    expect(committed.orders).toEqual({ 0: '10', 1: '3' });
  });

  it("leaves another group's offsets and offsets named by the caller as they were", async () => {
    const { manager, requests } = offsetManagerOf('projection-skip');
    noteOffsetsCommittedInTransaction('another-group', [{ topic: 'orders', partition: 0, offset: 5 }]);
    manager.resolveOffset({ topic: 'orders', partition: 0, offset: '4' });
    await manager.commitOffsets();
    expect(requests).toEqual([[{ topic: 'orders', partitions: [{ partition: '0', offset: '5' }] }]]);
    noteOffsetsCommittedInTransaction('projection-skip', [{ topic: 'orders', partition: 1, offset: 6 }]);
    const named = [{ topic: 'orders', partitions: [{ partition: 1, offset: '6' }] }];
    await manager.commitOffsets({ topics: named });
    expect(requests).toEqual([[{ topic: 'orders', partitions: [{ partition: '0', offset: '5' }] }], named]);
  });
});

describe("a connection's requests held back, checked only while some are", () => {
  /* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's own RequestQueue, which has no types */
  const KafkajsRequestQueue = require('kafkajs/src/network/requestQueue') as new (options: object) => RequestQueue;
  /* eslint-enable @typescript-eslint/no-require-imports */
  interface RequestQueue {
    push(request: { entry: object; expectResponse: boolean; sendRequest: () => void }): void;
    fulfillRequest(response: { correlationId: number; payload: Buffer; size: number }): void;
    maybeThrottle(ms: number): void;
    checkPendingRequests(): void;
    destroy(): void;
  }
  const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
  const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const opened: RequestQueue[] = [];
  // A queue's timer outlives a failed expectation: destroyed after each test, or jest never exits.
  afterEach(() => {
    for (const queue of opened.splice(0)) queue.destroy();
  });

  /** A queue of one connection (one request in flight at most), counting its checks and the requests it sends. */
  function openQueue(Queue: new (options: object) => RequestQueue) {
    const queue = new Queue({ maxInFlightRequests: 1, requestTimeout: 30_000, enforceRequestTimeout: false, clientId: 'test', broker: 'localhost:9092', logger: silent });
    opened.push(queue);
    const counts = { checks: 0, sent: [] as number[], answered: [] as number[] };
    const check = queue.checkPendingRequests;
    queue.checkPendingRequests = function countedCheck(this: RequestQueue) {
      counts.checks += 1;
      check.call(this);
    };
    const request = (correlationId: number) => queue.push({
      entry: { correlationId, apiKey: 1, apiName: 'Fetch', apiVersion: 11, resolve: () => counts.answered.push(correlationId), reject: () => undefined },
      expectResponse: true,
      sendRequest: () => counts.sent.push(correlationId),
    });
    const answer = (correlationId: number) => queue.fulfillRequest({ correlationId, payload: Buffer.alloc(0), size: 0 });
    return { queue, counts, request, answer };
  }

  class PatchedQueue extends KafkajsRequestQueue {}
  checkHeldRequestsOnlyWhenHeld(PatchedQueue as unknown as RequestQueueClass);

  it('kafkajs as published checks an idle connection about every millisecond (kafkajs#1556): what the patch is for', async () => {
    const { counts, request, answer } = openQueue(KafkajsRequestQueue);
    request(1);
    answer(1);
    await wait(200);
    // About 200 unloaded; far fewer on a loaded machine, but never the one check of the patched queue. When kafkajs stops doing this, this fails, and the patch can go.
    expect(counts.checks).toBeGreaterThan(20);
  });

  it('leaves an idle connection alone after an answer', async () => {
    const { counts, request, answer } = openQueue(PatchedQueue);
    request(1);
    answer(1);
    await wait(200);
    expect(counts).toEqual({ checks: 1, sent: [1], answered: [1] });
  });

  it('sends a request held back by the in-flight limit once the one before is answered, then stops checking', async () => {
    const { counts, request, answer } = openQueue(PatchedQueue);
    request(1);
    request(2);
    expect(counts.sent).toEqual([1]);
    answer(1);
    expect(counts.sent).toEqual([1, 2]);
    answer(2);
    await wait(100);
    expect(counts.answered).toEqual([1, 2]);
    const checksWhenIdle = counts.checks;
    await wait(100);
    expect(counts.checks).toBe(checksWhenIdle);
  });

  it('sends what a throttle held back once it ends, again for a second throttle, then stops checking', async () => {
    const { queue, counts, request, answer } = openQueue(PatchedQueue);
    for (const correlationId of [1, 2]) {
      queue.maybeThrottle(60);
      request(correlationId);
      expect(counts.sent).not.toContain(correlationId);
      await wait(20);
      expect(counts.sent).not.toContain(correlationId);
      await wait(150);
      expect(counts.sent).toContain(correlationId);
      answer(correlationId);
    }
    expect(counts.answered).toEqual([1, 2]);
    const checksAfter = counts.checks;
    await wait(100);
    expect(counts.checks).toBe(checksAfter);
  });
});
