import type { Kafka } from 'kafkajs';

/** What the reader needs of kafkajs's (internal) Cluster, as its admin client builds one. */
interface OffsetsCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addMultipleTargetTopics(topics: string[]): Promise<void>;
  refreshMetadataIfNecessary(): Promise<void>;
  findTopicPartitionMetadata(topic: string): Array<{ partitionId: number }>;
  fetchTopicsOffset(topics: Array<{ topic: string; fromBeginning: boolean; partitions: Array<{ partition: number }> }>): Promise<Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>>;
}

type CreateCluster = (options: { allowAutoTopicCreation: boolean; metadataMaxAge: number }) => OffsetsCluster;

export interface EndOffsetsReader {
  /** The topic's end offsets by partition, or undefined when the reading failed (the caller asks on its own). */
  read(topic: string): Promise<number[] | undefined>;
  close(): Promise<void>;
}

interface Waiter {
  resolve(ends: number[] | undefined): void;
}

/**
 * kafkajs's admin reads one topic's end offsets with two ListOffsets requests (the latest and the
 * earliest), and a process's projections check their lag four times a second on eight topics: 64
 * requests a second, most of what the platform asked the broker at rest. This reader sends the
 * end offsets of every topic asked for in the same turn in one request (one per partition leader),
 * the latest only, through a kafkajs cluster of its own built as the admin builds its own. Where
 * kafkajs offers no such cluster, or a reading fails (a topic unknown, say), it answers undefined
 * and the caller reads the topic as before.
 */
export function createEndOffsetsReader(kafka: Kafka, metadataMaxAgeMs: number): EndOffsetsReader {
  const symbol = Object.getOwnPropertySymbols(kafka).find((candidate) => candidate.description === 'private:Kafka:createCluster');
  const createCluster = symbol ? ((kafka as unknown as Record<symbol, CreateCluster>)[symbol] as CreateCluster | undefined) : undefined;
  let cluster: Promise<OffsetsCluster> | null = null;
  let pending = new Map<string, Waiter[]>();
  let scheduled = false;
  let closed = false;

  const connected = (): Promise<OffsetsCluster> => {
    if (!cluster) {
      const created = (createCluster as CreateCluster)({ allowAutoTopicCreation: false, metadataMaxAge: metadataMaxAgeMs });
      const connecting = created.connect().then(() => created);
      cluster = connecting;
      connecting.catch(() => {
        if (cluster === connecting) cluster = null;
      });
    }
    return cluster;
  };

  const readAll = async (topics: string[]): Promise<Map<string, number[]>> => {
    const client = await connected();
    await client.addMultipleTargetTopics(topics);
    await client.refreshMetadataIfNecessary();
    const requests = topics.map((topic) => ({ topic, fromBeginning: false, partitions: client.findTopicPartitionMetadata(topic).map(({ partitionId }) => ({ partition: partitionId })) }));
    const answers = await client.fetchTopicsOffset(requests);
    return new Map(answers.map(({ topic, partitions }) => [topic, [...partitions].sort((left, right) => left.partition - right.partition).map(({ offset }) => Number(offset))]));
  };

  const flush = async (): Promise<void> => {
    scheduled = false;
    const batch = pending;
    pending = new Map();
    const ends = await readAll([...batch.keys()]).catch(() => new Map<string, number[]>());
    for (const [topic, waiters] of batch) for (const waiter of waiters) waiter.resolve(ends.get(topic));
  };

  return {
    read(topic) {
      if (!createCluster || closed) return Promise.resolve(undefined);
      return new Promise((resolve) => {
        const waiters = pending.get(topic);
        if (waiters) waiters.push({ resolve });
        else pending.set(topic, [{ resolve }]);
        if (scheduled) return;
        scheduled = true;
        setImmediate(() => void flush());
      });
    },
    async close() {
      closed = true;
      const client = cluster;
      cluster = null;
      await client?.then((connectedClient) => connectedClient.disconnect()).catch(() => undefined);
    },
  };
}
