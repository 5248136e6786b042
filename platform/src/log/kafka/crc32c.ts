/**
 * CRC-32C (Castagnoli), the checksum of Kafka's record batches, eight bytes a step
 * ("slicing-by-8"): kafkajs's own takes one byte a step.
 */
const polynomial = 0x82f63b78;

const tables: Int32Array[] = (() => {
  const all = Array.from({ length: 8 }, () => new Int32Array(256));
  const first = all[0] as Int32Array;
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ polynomial : crc >>> 1;
    first[byte] = crc;
  }
  for (let byte = 0; byte < 256; byte++) {
    for (let slice = 1; slice < 8; slice++) {
      const previous = (all[slice - 1] as Int32Array)[byte] as number;
      (all[slice] as Int32Array)[byte] = (previous >>> 8) ^ (first[previous & 0xff] as number);
    }
  }
  return all;
})();

const [t0, t1, t2, t3, t4, t5, t6, t7] = tables as [Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array, Int32Array];

/** The CRC-32C of `bytes[start, end)`, unsigned. */
export function crc32c(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let crc = -1;
  let index = start;
  for (const last = end - 8; index <= last; index += 8) {
    const low = crc ^ ((bytes[index] as number) | ((bytes[index + 1] as number) << 8) | ((bytes[index + 2] as number) << 16) | ((bytes[index + 3] as number) << 24));
    crc =
      (t7[low & 0xff] as number) ^ (t6[(low >>> 8) & 0xff] as number) ^ (t5[(low >>> 16) & 0xff] as number) ^ (t4[low >>> 24] as number) ^
      (t3[bytes[index + 4] as number] as number) ^ (t2[bytes[index + 5] as number] as number) ^ (t1[bytes[index + 6] as number] as number) ^ (t0[bytes[index + 7] as number] as number);
  }
  for (; index < end; index++) crc = (crc >>> 8) ^ (t0[(crc ^ (bytes[index] as number)) & 0xff] as number);
  return (crc ^ -1) >>> 0;
}
