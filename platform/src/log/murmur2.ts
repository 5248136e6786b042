/**
 * Kafka's murmur2 (Utils.murmur2 in the Java client, `murmur2.js` in kafkajs) and its
 * default partitioner, so that a key lands in the same partition in the embedded log
 * as on a real broker (DESIGN §4.3).
 */
const SEED = 0x9747b28c;
const M = 0x5bd1e995;

/** The signed 32-bit murmur2 hash of the key's bytes (strings are encoded as UTF-8). */
export function murmur2(key: Buffer | string): number {
  const data = typeof key === 'string' ? Buffer.from(key, 'utf8') : key;
  const length = data.length;
  let h = SEED ^ length;

  const whole = length - (length % 4);
  for (let i = 0; i < whole; i += 4) {
    let k = data.readInt32LE(i);
    k = Math.imul(k, M);
    k ^= k >>> 24;
    k = Math.imul(k, M);
    h = Math.imul(h, M) ^ k;
  }

  // The trailing 1-3 bytes, as the fall-through switch of the Java original.
  const rest = length % 4;
  if (rest >= 3) h ^= data.readUInt8(whole + 2) << 16;
  if (rest >= 2) h ^= data.readUInt8(whole + 1) << 8;
  if (rest >= 1) {
    h ^= data.readUInt8(whole);
    h = Math.imul(h, M);
  }

  h ^= h >>> 13;
  h = Math.imul(h, M);
  h ^= h >>> 15;
  return h | 0;
}

/** Kafka's `toPositive`: clears the sign bit (not Math.abs). */
export const toPositive = (hash: number): number => hash & 0x7fffffff;

/** Partition of a keyed record, as Kafka's DefaultPartitioner and kafkajs's default partitioner compute it. */
export function partitionFor(key: Buffer | string, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1) {
    throw new RangeError(`partition count must be a positive integer, got ${partitionCount}`);
  }
  return toPositive(murmur2(key)) % partitionCount;
}
