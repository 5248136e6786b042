import { Kafka, logLevel } from '@ecommerce/platform';
import type { Admin } from 'kafkajs';

/** One partition a consumer group reads: where it committed (null: never) and where the topic ends. */
export interface PartitionLag {
  group: string;
  topic: string;
  partition: number;
  committed: number | null;
  end: number;
}

/** Messages each group has not committed yet, summed over its partitions. */
export function lagByGroup(partitions: readonly PartitionLag[]): Record<string, number> {
  const lag: Record<string, number> = {};
  for (const entry of partitions) lag[entry.group] = (lag[entry.group] ?? 0) + Math.max(0, entry.end - (entry.committed ?? 0));
  return lag;
}

/**
 * Partitions where a group is not at the end of its topic: a message stuck outside the
 * dead-letter topic. (On Kafka a group that handled everything has committed exactly the end
 * offset, trailing transaction markers included: see the Kafka log's endOffsets.)
 */
export function stuckPartitions(partitions: readonly PartitionLag[]): PartitionLag[] {
  return partitions.filter((entry) => entry.end > 0 && entry.committed !== entry.end);
}

export interface LagProbe {
  /** Every partition of every topic each of the run's groups committed to. */
  read(): Promise<PartitionLag[]>;
  close(): Promise<void>;
}

/**
 * The run's consumer groups (those of its namespace) straight from the broker: the groups are
 * found by name, their topics by what they committed, every partition of those topics counted
 * (a partition never committed lags by its whole length).
 */
export function createLagProbe(brokers: string, namespace: string): LagProbe {
  const kafka = new Kafka({ clientId: 'torture-lag', brokers: brokers.split(','), logLevel: logLevel.NOTHING, connectionTimeout: 3000, requestTimeout: 5000, retry: { retries: 1 } });
  let admin: Admin | undefined;
  const connected = async () => {
    if (!admin) {
      const fresh = kafka.admin();
      await fresh.connect();
      admin = fresh;
    }
    return admin;
  };
  return {
    async read() {
      try {
        const client = await connected();
        const groups = (await client.listGroups()).groups.map((group) => group.groupId).filter((group) => group.startsWith(namespace));
        const ends = new Map<string, Map<number, number>>();
        const endOf = async (topic: string) => {
          if (!ends.has(topic)) ends.set(topic, new Map((await client.fetchTopicOffsets(topic)).map((entry) => [entry.partition, Number(entry.high)])));
          return ends.get(topic) as Map<number, number>;
        };
        const partitions: PartitionLag[] = [];
        for (const group of groups) {
          for (const { topic, partitions: committed } of await client.fetchOffsets({ groupId: group })) {
            const byPartition = new Map(committed.map((entry) => [entry.partition, Number(entry.offset)]));
            for (const [partition, end] of await endOf(topic)) {
              const offset = byPartition.get(partition);
              partitions.push({ group: group.slice(namespace.length), topic: topic.slice(namespace.length), partition, committed: offset === undefined || offset < 0 ? null : offset, end });
            }
          }
        }
        return partitions;
      } catch (error) {
        // a broker restart drops the connection: the next read reconnects
        await admin?.disconnect().catch(() => undefined);
        admin = undefined;
        throw error;
      }
    },
    async close() {
      await admin?.disconnect().catch(() => undefined);
    },
  };
}
