/* eslint-disable @typescript-eslint/no-require-imports -- kafkajs's internal modules, against which the encoding is checked */
import { crc32c } from './crc32c';
import { encodeProduceRequest, encodeProduceRequestsInOneBuffer } from './produce-encoding';
import type { KafkajsEncoder, ProduceRequest, ProduceRequestArgs } from './produce-encoding';

const kafkajsCrc32c = require('kafkajs/src/protocol/recordBatch/crc32C') as (buffer: Buffer) => number;
const kafkajsRequestV3 = require('kafkajs/src/protocol/requests/produce/v3/request') as (args: ProduceRequestArgs) => ProduceRequest;
const Long = require('kafkajs/src/utils/long') as { fromValue(value: unknown): { value: bigint } };
const toLong = (value: unknown) => Long.fromValue(value).value;

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(choices: readonly T[]): T => choices[int(choices.length)] as T;
  const text = () => pick(['', 'a', 'order-42', 'ünïcödé ✓', '🛒 cart', 'x'.repeat(200), 'y'.repeat(int(300))]);
  const bytes = () => {
    const length = next() < 0.01 ? 20_000 : pick([0, 1, 5, 127, 128, 300]);
    const start = int(256);
    return Buffer.from(Array.from({ length }, (_, index) => (start + index * 31) & 0xff));
  };
  return { next, int, pick, text, bytes };
}

function randomRequest(seed: number): ProduceRequestArgs {
  const r = random(seed);
  const value = () => r.pick([() => null, () => undefined, r.text, r.bytes])();
  const headerValue = () => r.pick([r.text, r.bytes])();
  const timestamp = () => r.pick([undefined, undefined, 0, 5, 10, 999, 1000, 1_764_979_200_000, 2 ** 40]);
  const message = () => ({
    key: value(),
    value: value(),
    ...(r.next() < 0.8 ? { headers: Object.fromEntries(Array.from({ length: r.int(9) }, (_, index) => [r.pick([`h${index}`, `ëvent-${index}`]), r.next() < 0.2 ? [headerValue(), headerValue()] : headerValue()])) } : {}),
    ...(r.next() < 0.3 ? { timestamp: timestamp() } : {}),
  });
  return {
    acks: r.pick([-1, 0, 1]),
    timeout: r.pick([30_000, 1]),
    transactionalId: r.pick([null, undefined, 'router.unit-0-of-2', 'tx-ü']),
    producerId: r.pick([undefined, Long.fromValue(-1), Long.fromValue(4711), Long.fromValue(2n ** 40n)]),
    producerEpoch: r.pick([undefined, 0, 7]),
    topicData: Array.from({ length: 1 + r.int(3) }, (_, topic) => ({
      topic: r.pick([`events.orders-${topic}`, `tópico-${topic}`]),
      partitions: Array.from({ length: 1 + r.int(3) }, (_, partition) => ({
        partition,
        firstSequence: r.pick([undefined, 0, 123]),
        messages: Array.from({ length: r.pick([0, 1, 2, 30, 70]) }, message),
      })),
    })),
  };
}

async function kafkajsBytes(args: ProduceRequestArgs): Promise<Buffer> {
  const encoder = (await kafkajsRequestV3(args).encode()) as KafkajsEncoder;
  return encoder.buf.subarray(0, encoder.offset);
}

describe('crc32c', () => {
  it('gives the check value of CRC-32C and kafkajs\'s checksum on any bytes', () => {
    expect(crc32c(Buffer.from('123456789'))).toBe(0xe3069283);
    const r = random(1);
    for (const length of [0, 1, 7, 8, 9, 15, 16, 17, 1000, 65_537]) {
      const bytes = Buffer.from(Array.from({ length }, () => r.int(256)));
      expect(crc32c(bytes)).toBe(kafkajsCrc32c(bytes));
    }
    const framed = Buffer.from('--123456789--');
    expect(crc32c(framed, 2, 11)).toBe(0xe3069283);
  });
});

describe('encodeProduceRequest', () => {
  beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(1_764_979_200_123));
  afterEach(() => jest.restoreAllMocks());

  it('writes the bytes kafkajs writes, for any mix of keys, values, headers, timestamps and producers', async () => {
    for (let seed = 1; seed <= 300; seed++) {
      const args = randomRequest(seed);
      const ours = encodeProduceRequest(args, toLong);
      if (!ours) throw new Error(`seed ${seed}: refused a request kafkajs encodes`);
      const theirs = await kafkajsBytes(args);
      if (!ours.equals(theirs)) expect({ seed, bytes: ours.toString('hex') }).toEqual({ seed, bytes: theirs.toString('hex') });
    }
  });

  it('keeps kafkajs\'s first and max timestamps, which its sort compares as strings', async () => {
    const args: ProduceRequestArgs = {
      acks: -1, timeout: 30_000, transactionalId: 'tx',
      topicData: [{ topic: 't', partitions: [{ partition: 0, messages: [{ value: 'a', timestamp: 5 }, { value: 'b', timestamp: 10 }, { value: 'c', timestamp: 2 ** 40 }, { value: 'd' }] }] }],
    };
    const ours = encodeProduceRequest(args, toLong) as Buffer;
    expect(ours.equals(await kafkajsBytes(args))).toBe(true);
    // Its first timestamp is 10 and its max 5 ("10" < "1099511627776" < "5"). Before them: the transactional id,
    // acks, timeout, topic count, topic, partition count, partition, batch size, first offset,
    // batch length, leader epoch, magic byte, CRC, attributes and last offset delta.
    const firstTimestampAt = (2 + 2) + 2 + 4 + 4 + (2 + 1) + 4 + 4 + 4 + 8 + 4 + 4 + 1 + 4 + 2 + 4;
    expect(ours.readBigInt64BE(firstTimestampAt)).toBe(10n);
    expect(ours.readBigInt64BE(firstTimestampAt + 8)).toBe(5n);
  });

  it('leaves to kafkajs what it compresses or would refuse', () => {
    const base = { acks: -1, timeout: 1000 };
    const one = (message: object, compression = 0): ProduceRequestArgs => ({ ...base, compression, topicData: [{ topic: 't', partitions: [{ partition: 0, messages: [message as never] }] }] });
    expect(encodeProduceRequest(one({ value: 'v' }), toLong)).not.toBeNull();
    expect(encodeProduceRequest(one({ value: 'v' }, 1), toLong)).toBeNull();
    expect(encodeProduceRequest(one({ key: 42, value: 'v' }), toLong)).toBeNull();
    expect(encodeProduceRequest(one({ value: 'v', headers: { h: null } }), toLong)).toBeNull();
    expect(encodeProduceRequest(one({ value: 'v', timestamp: '1764979200000' }), toLong)).toBeNull();
    expect(encodeProduceRequest(one({ value: 'v', timestamp: 1.5 }), toLong)).toBeNull();
    expect(encodeProduceRequest(one({ value: 'v', headers: null }), toLong)).toBeNull();
    expect(encodeProduceRequest({ ...one({ value: 'v' }), compression: null as never }, toLong)).toBeNull();
  });
});

describe('encodeProduceRequestsInOneBuffer', () => {
  it('has kafkajs\'s produce requests from v3 on encoded in one buffer, their version kept', async () => {
    encodeProduceRequestsInOneBuffer();
    encodeProduceRequestsInOneBuffer();
    const produce = require('kafkajs/src/protocol/requests/produce') as { protocol: (options: { version: number }) => (args: ProduceRequestArgs) => { request: ProduceRequest } };
    const args = randomRequest(7);
    jest.spyOn(Date, 'now').mockReturnValue(1_764_979_200_123);
    try {
      for (const version of [3, 5, 7]) {
        const { request } = produce.protocol({ version })(args);
        expect(request.apiVersion).toBe(version);
        const encoder = await request.encode();
        expect(encoder.buf.equals(encodeProduceRequest(args, toLong) as Buffer)).toBe(true);
        expect(encoder.size()).toBe(encoder.buf.length);
      }
    } finally {
      jest.restoreAllMocks();
    }
  });
});
