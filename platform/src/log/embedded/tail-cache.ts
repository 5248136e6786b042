import type { LogMessage } from '../port';

/**
 * Messages kept per partition, at least (twice as many at most): the groups at a partition's tail
 * read within a few batches of each other, and a batch is up to 500 messages. With 64 a batch of
 * 500 kept only its last 128, and under load the projections' four groups of the ordering topic
 * read it four times from the file. Every partition a connection reads keeps its window, so this
 * bounds the memory: the embedded default's threads read 14 partitions each, some 28,000 messages
 * at most.
 */
const defaultCapacity = 1024;

interface Window {
  base: number;
  messages: LogMessage[];
}

export interface TailCache {
  /** Of the messages at offsets [from, from + count), the ones held from `from` on (none when `from` is not held). */
  get(topic: string, partition: number, from: number, count: number): LogMessage[];
  /** Messages just read from the file, or committed, at offsets from `from` on; kept only when their offsets follow one another. */
  put(topic: string, partition: number, from: number, messages: readonly LogMessage[]): void;
  /** Whether this connection reads the partition: only then are the messages written to it worth holding. */
  reads(topic: string, partition: number): boolean;
}

const isContiguous = (from: number, messages: readonly LogMessage[]): boolean =>
  messages.every((message, index) => message.offset === from + index);

/**
 * The last messages read of each partition, handed to every consumer group of this connection
 * that reads them next: the projections of a process read each topic in several groups, and
 * each group read and parsed every message again. Once the connection reads a partition, the
 * messages it commits to it are put too (`holdWritten`): a group at the tail then reads none of
 * them from the file. A message is written once and never changed, so a message held here is
 * what the file would answer. Every reader gets the same objects: the store hands out frozen
 * messages.
 *
 * One window per partition, at its tail: messages that extend it are appended, ones elsewhere
 * (a group catching up from far behind) replace it only when they lie ahead of it.
 */
export function createTailCache(capacity = defaultCapacity): TailCache {
  const windows = new Map<string, Window>();
  const keyOf = (topic: string, partition: number) => `${topic}\u0000${partition}`;

  return {
    get(topic, partition, from, count) {
      const window = windows.get(keyOf(topic, partition));
      const start = window ? from - window.base : -1;
      if (!window || start < 0 || count <= 0) return [];
      return window.messages.slice(start, start + count);
    },

    reads(topic, partition) {
      return windows.has(keyOf(topic, partition));
    },

    put(topic, partition, from, messages) {
      if (messages.length === 0 || !isContiguous(from, messages)) return;
      const key = keyOf(topic, partition);
      const window = windows.get(key);
      const end = window ? window.base + window.messages.length : -1;
      if (window && from <= end && from >= window.base) {
        // The window's own objects stay for the offsets it holds: readers share them.
        for (const message of messages) if (message.offset >= end) window.messages.push(message);
        if (window.messages.length > capacity * 2) {
          const drop = window.messages.length - capacity;
          window.messages = window.messages.slice(drop);
          window.base += drop;
        }
        return;
      }
      if (window && from < window.base) return;
      const kept = messages.slice(-capacity * 2);
      windows.set(key, { base: from + messages.length - kept.length, messages: kept });
    },
  };
}
