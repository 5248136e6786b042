import { randomUUID } from 'node:crypto';
import type { Batch, Consumer, ConsumerOptions, Log, LogMessage, Producer } from './port';

/**
 * Helpers of the log contract suite; tolerant of a real broker's latencies. The suite's parts
 * (`contract-*.ts`) import only these, and `contract.ts` imports the parts: one way, no cycle.
 */

/** What each part of the suite is given: the log under test and resources cleaned up after each test. */
export interface LogContractContext {
  log(): Log;
  /** A fresh topic with a unique name. */
  newTopic(partitions: number, compacted?: boolean): Promise<string>;
  /** Creates and starts a consumer that is stopped after the test. */
  consume(options: ConsumerOptions): Promise<Consumer>;
  stop(consumer: Consumer): Promise<void>;
  /** A producer closed after the test. */
  producer(options?: { transactionalId?: string }): Producer;
}

/** A unique name per test, so adapters sharing a broker never see each other's topics or groups. */
export const uniqueName = (prefix: string): string => `contract.${prefix}.${randomUUID()}`;

export const text = (value: string): Buffer => Buffer.from(value, 'utf8');
export const textOf = (message: LogMessage): string | null => message.value?.toString('utf8') ?? null;

/** Polls until `check` returns true (or throws no more), failing with `what` after the timeout. */
export async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await check()) return;
      lastError = undefined;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Records what a consumer handled, by value. */
export function createCollector() {
  const messages: LogMessage[] = [];
  const counts = new Map<string, number>();
  return {
    messages,
    counts,
    add(batch: Batch) {
      for (const message of batch.messages) {
        messages.push(message);
        const value = textOf(message) ?? '<null>';
        counts.set(value, (counts.get(value) ?? 0) + 1);
      }
    },
    hasAll: (values: readonly string[]) => values.every((value) => counts.has(value)),
  };
}

/** The current assignment of a consumer, kept from its rebalance callbacks. */
export function createAssignmentTracker() {
  const current = new Set<string>();
  const ever = new Set<string>();
  const key = (tp: { topic: string; partition: number }) => `${tp.topic}#${tp.partition}`;
  return {
    current,
    ever,
    onPartitionsAssigned: (partitions: Array<{ topic: string; partition: number }>) => {
      for (const tp of partitions) {
        current.add(key(tp));
        ever.add(key(tp));
      }
    },
    onPartitionsRevoked: (partitions: Array<{ topic: string; partition: number }>) => {
      for (const tp of partitions) current.delete(key(tp));
    },
    partitions: () => [...current].map((entry) => Number(entry.slice(entry.lastIndexOf('#') + 1))).sort((a, b) => a - b),
  };
}

export const range = (count: number): number[] => Array.from({ length: count }, (_, index) => index);
