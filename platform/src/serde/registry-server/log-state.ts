/**
 * Keeps a RegistryState up to date by consuming `_schemas` from the beginning, and lets a
 * caller wait until the state has applied everything up to an offset.
 *
 * Each instance consumes in a consumer group of its own (a fresh id per start): it must read
 * every record itself, and never share the one partition with another instance.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../errors';
import type { Consumer, Log } from '../../log/port';
import { SCHEMAS_TOPIC, parseRecord } from './records';
import { applyRecord, createRegistryState } from './state';
import type { RegistryState } from './state';

export interface LogStateOptions {
  /** How long a caller waits for the state to catch up before a retriable 503. */
  syncTimeoutMs: number;
}

export interface LogState {
  readonly state: RegistryState;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once every record before `nextOffset` is applied. */
  waitFor(nextOffset: number): Promise<void>;
  /** Resolves once the state includes everything written before this call. */
  syncToEnd(): Promise<void>;
}

interface Waiter {
  target: number;
  resolve(): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export const createLogState = (log: Log, options: LogStateOptions): LogState => {
  const state = createRegistryState();
  const waiters = new Set<Waiter>();
  let consumer: Consumer | undefined;

  const release = () => {
    for (const waiter of waiters) {
      if (state.position < waiter.target) continue;
      clearTimeout(waiter.timer);
      waiters.delete(waiter);
      waiter.resolve();
    }
  };

  const waitFor = (nextOffset: number): Promise<void> => {
    if (state.position >= nextOffset) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        target: nextOffset,
        resolve,
        reject,
        timer: setTimeout(() => {
          waiters.delete(waiter);
          reject(new AppError('unavailable', `schema registry state did not reach offset ${nextOffset} of ${SCHEMAS_TOPIC} within ${options.syncTimeoutMs} ms`, { retriable: true }));
        }, options.syncTimeoutMs),
      };
      waiters.add(waiter);
    });
  };

  const syncToEnd = async () => {
    const [end = 0] = await log.endOffsets(SCHEMAS_TOPIC);
    await waitFor(end);
  };

  return {
    state,
    waitFor,
    syncToEnd,
    async start() {
      await log.ensureTopics([{ topic: SCHEMAS_TOPIC, partitions: 1, compacted: true }]);
      consumer = log.createConsumer({
        groupId: `schema-registry-${randomUUID()}`,
        topics: [SCHEMAS_TOPIC],
        fromBeginning: true,
        async eachBatch(batch) {
          for (const message of batch.messages) applyRecord(state, message.offset, parseRecord(message.key, message.value));
          release();
        },
      });
      await consumer.start();
      await syncToEnd();
    },
    async stop() {
      await consumer?.stop();
      consumer = undefined;
      for (const waiter of waiters) {
        clearTimeout(waiter.timer);
        waiter.reject(new AppError('unavailable', 'schema registry is stopping', { retriable: true }));
      }
      waiters.clear();
    },
  };
};
