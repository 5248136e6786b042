import { randomUUID } from 'node:crypto';
import type { Admin, Kafka } from 'kafkajs';
import { AppError, NotFoundError } from '../../errors';
import { toLogMessage } from './messages';
import type { LogMessage } from '../port';

export interface KafkaReaderSettings {
  maxWaitTimeMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  readTimeoutMs: number;
}

/** Fetches in a row that brought nothing for the partition before the read counts as done (see below). */
const IDLE_FETCHES = 3;

/**
 * Reads committed messages of one partition with a short-lived read_committed consumer in
 * a throwaway group, positioned by `seek` (registered before its first fetch) and never
 * committing; the group is deleted afterwards. It stops after `maxCount` messages or at the
 * high watermark taken before it started. Offsets have gaps (commit/abort markers, aborted
 * records), so progress is tracked by kafkajs's batch offsets, not by counting messages.
 * While a transaction is open the consumer cannot pass it (last stable offset < high
 * watermark); a few fetches that bring nothing mean it is there, and the read ends.
 */
export async function readPartition(
  kafka: Kafka,
  admin: Admin,
  request: { topic: string; partition: number; fromOffset: number; maxCount: number },
  settings: KafkaReaderSettings,
): Promise<LogMessage[]> {
  const { topic, partition, maxCount } = request;
  if (maxCount <= 0) return [];
  const bounds = (await admin.fetchTopicOffsets(topic)).find((entry) => entry.partition === partition);
  if (!bounds) throw new NotFoundError(`partition ${partition} of topic ${topic} does not exist`, { topic, partition });
  const end = Number(bounds.high);
  const start = Math.max(request.fromOffset, Number(bounds.low));
  if (start >= end) return [];

  const groupId = `log-reader.${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    readUncommitted: false,
    allowAutoTopicCreation: false,
    maxWaitTimeInMs: settings.maxWaitTimeMs,
    sessionTimeout: settings.sessionTimeoutMs,
    heartbeatInterval: settings.heartbeatIntervalMs,
    retry: { retries: 3 },
  });
  const messages: LogMessage[] = [];
  let nextExpected = start;
  let idleFetches = 0;
  let timer: NodeJS.Timeout | undefined;

  const isOurs = (event: { payload: { topic: string; partition: number } }) => event.payload.topic === topic && event.payload.partition === partition;

  try {
    await new Promise<void>((resolve, reject) => {
      const check = () => {
        if (messages.length >= maxCount || nextExpected >= end || idleFetches >= IDLE_FETCHES) resolve();
      };
      timer = setTimeout(() => reject(new AppError('unavailable', `reading ${topic}/${partition} timed out`, { retriable: true })), settings.readTimeoutMs);
      consumer.on(consumer.events.CRASH, (event) => reject(event.payload.error));
      consumer.on(consumer.events.FETCH, () => {
        idleFetches += 1;
        check();
      });
      consumer.on(consumer.events.END_BATCH_PROCESS, (event) => {
        if (!isOurs(event)) return;
        idleFetches = 0;
        // Batches of markers or aborted records only never reach eachBatch; they move the position here.
        nextExpected = Math.max(nextExpected, Number(event.payload.lastOffset) + 1);
        check();
      });
      const run = async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [topic], fromBeginning: false });
        const running = consumer.run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            if (batch.topic !== topic || batch.partition !== partition) return;
            idleFetches = 0;
            for (const message of batch.messages) {
              const offset = Number(message.offset);
              // Guards against a batch fetched from anywhere but the sought offset, and re-fetches.
              if (offset < nextExpected || offset >= end || messages.length >= maxCount) continue;
              messages.push(toLogMessage(topic, partition, message));
              nextExpected = offset + 1;
            }
            check();
          },
        });
        // run() creates the consumer group synchronously, so the seek is in place before the first fetch.
        consumer.seek({ topic, partition, offset: String(start) });
        await running;
      };
      run().catch(reject);
    });
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
  }
  return messages;
}
