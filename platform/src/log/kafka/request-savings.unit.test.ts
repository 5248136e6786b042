import { ageUnagedMetadata, cacheCoordinatorLookups } from './request-savings';

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
