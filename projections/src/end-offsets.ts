import type { Log } from '@ecommerce/platform';

/** A topic's end offsets and when their read began: "caught up at `readAt`" is true of them. */
export interface EndOffsetsReading {
  ends: number[];
  readAt: number;
}

export type EndOffsetsOf = (topic: string) => Promise<EndOffsetsReading>;

/** One read per call. */
export const endOffsetsOf =
  (log: Log): EndOffsetsOf =>
  async (topic) => {
    const readAt = Date.now();
    return { ends: await log.endOffsets(topic), readAt };
  };

/**
 * One read of a topic's end offsets for every projection of a process that asks within
 * `maxAgeMs` (or while it is under way): each projection's lag check asked the broker itself,
 * a few times a second, about the same few topics. A shared reading keeps its own `readAt`, the
 * time before it was asked for, so a caller never claims to be caught up later than it was.
 */
export function sharedEndOffsetsOf(log: Log, maxAgeMs = 100): EndOffsetsOf {
  const recent = new Map<string, { reading: Promise<EndOffsetsReading>; startedAt: number }>();
  const read = endOffsetsOf(log);
  return (topic) => {
    const known = recent.get(topic);
    if (known && Date.now() - known.startedAt <= maxAgeMs) return known.reading;
    const entry = { reading: read(topic), startedAt: Date.now() };
    recent.set(topic, entry);
    // a failed reading is not handed to the next caller
    entry.reading.catch(() => {
      if (recent.get(topic) === entry) recent.delete(topic);
    });
    return entry.reading;
  };
}
