import { randomBytes } from 'node:crypto';
import { Partitioners } from './kafka/kafkajs';
import { murmur2, partitionFor, toPositive } from './murmur2';

// kafkajs's own implementation is the oracle: it is what a Kafka-backed deployment uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const kafkajsMurmur2 = require('kafkajs/src/producer/partitioners/default/murmur2') as (key: Buffer | string) => number;

describe('murmur2', () => {
  it('matches the vectors of Kafka UtilsTest.testMurmur2', () => {
    const cases: Array<[string | Buffer, number]> = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      [Buffer.from([0x61, 0x62, 0x63]), 479470107],
    ];
    for (const [key, expected] of cases) expect(murmur2(key)).toBe(expected);
  });

  it('equals kafkajs murmur2 on random byte keys of every tail length', () => {
    for (let i = 0; i < 2000; i++) {
      const key = randomBytes(i % 67);
      expect(murmur2(key)).toBe(kafkajsMurmur2(key));
    }
  });

  it('encodes string keys as UTF-8, as kafkajs does', () => {
    for (const key of ['', 'é', 'sku-ñandú-42', '注文-7', 'emoji-🛒', 'order-0f8c']) {
      expect(murmur2(key)).toBe(kafkajsMurmur2(key));
    }
  });

  it('toPositive clears the sign bit rather than negating', () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-973932308)).toBe(-973932308 & 0x7fffffff);
    expect(toPositive(5)).toBe(5);
  });
});

describe('partitionFor', () => {
  it('agrees with the kafkajs DefaultPartitioner for random keys and partition counts', () => {
    const partitioner = Partitioners.DefaultPartitioner() as (args: unknown) => number;
    for (let i = 0; i < 1000; i++) {
      const count = 1 + (i % 24);
      const key = randomBytes(1 + (i % 40)).toString('hex');
      const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({ partitionId, leader: 0 }));
      const expected = partitioner({ topic: 't', partitionMetadata, message: { key, value: null } });
      expect(partitionFor(key, count)).toBe(expected);
    }
  });

  it('rejects a partition count below one', () => {
    expect(() => partitionFor('k', 0)).toThrow(RangeError);
  });
});
