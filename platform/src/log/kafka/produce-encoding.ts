/* eslint-disable @typescript-eslint/no-require-imports -- internal modules of kafkajs, which has no types for them */
import { crc32c } from './crc32c';

interface KafkajsLong {
  value: bigint;
}
interface KafkajsLongClass {
  fromValue(value: unknown): KafkajsLong;
}
/** What kafkajs's protocol layer needs of the encoder a request's `encode` returns. */
export interface KafkajsEncoder {
  buf: Buffer;
  offset: number;
  size(): number;
}

interface ProduceMessage {
  key?: unknown;
  value?: unknown;
  headers?: Record<string, unknown> | null;
  timestamp?: unknown;
}
interface PartitionData {
  partition: number;
  firstSequence?: number;
  messages: ProduceMessage[];
}
interface TopicData {
  topic: string;
  partitions: PartitionData[];
}
export interface ProduceRequestArgs {
  acks: number;
  timeout: number;
  transactionalId?: string | null;
  producerId?: unknown;
  producerEpoch?: number;
  compression?: number;
  topicData: TopicData[];
}
export interface ProduceRequest {
  apiKey: number;
  apiVersion: number;
  apiName: string;
  expectResponse: () => boolean;
  encode: () => Promise<KafkajsEncoder>;
}

const noCompression = 0;
const magicByte = 2;
const transactionalAttribute = 16;
/** Attributes, last offset delta, first and max timestamps, producer id and epoch, first sequence, record count. */
const batchBodyHeaderBytes = 2 + 4 + 8 + 8 + 8 + 2 + 4 + 4;
/** Partition leader epoch, magic byte, CRC. */
const batchHeaderBytes = 4 + 1 + 4;

/** Thrown by the sizing pass for what only kafkajs's own encoder knows how to treat (or refuse). */
class NotOurs extends Error {}

const zigZag = (value: number): number => ((value << 1) ^ (value >> 31)) >>> 0;

function varIntBytes(value: number): number {
  let encoded = zigZag(value);
  let bytes = 1;
  while (encoded >= 0x80) {
    bytes += 1;
    encoded >>>= 7;
  }
  return bytes;
}

/**
 * Strings up to this length are measured and copied by a loop when they are ASCII (byte length
 * equal to their length): the ids and names of a record's headers, for which a call into
 * Buffer's native UTF-8 code cost more than the copy.
 */
const shortString = 64;

function utf8Length(value: string): number {
  if (value.length > shortString) return Buffer.byteLength(value, 'utf8');
  for (let index = 0; index < value.length; index++) if (value.charCodeAt(index) >= 0x80) return Buffer.byteLength(value, 'utf8');
  return value.length;
}

/** A timestamp delta whose zigzag fits 32 bits is a varint's bytes; a larger one is rare and goes through BigInt. */
const smallDelta = (value: number) => value >= -(2 ** 30) && value < 2 ** 30;

function varLongDigits(value: number): number[] {
  const long = BigInt(value);
  let encoded = BigInt.asUintN(64, (long << 1n) ^ (long >> 63n));
  const digits: number[] = [];
  while (encoded >= 0x80n) {
    digits.push(Number(encoded & 0x7fn) | 0x80);
    encoded >>= 7n;
  }
  digits.push(Number(encoded));
  return digits;
}

interface PartitionPlan {
  data: PartitionData;
  /** Records' bytes, without the batch's headers. */
  recordsBytes: number;
  firstTimestamp: number;
  maxTimestamp: number;
  dateNow: number;
}

/**
 * Byte lengths worked out by the sizing pass, read back in the same order by the writing pass:
 * each record's body and header count, and the UTF-8 length of each of its strings.
 */
class Lengths {
  values = new Int32Array(1024);
  size = 0;
  at = 0;
  /** Starts over, keeping the array: requests are encoded one at a time (synchronously), so one is reused. */
  reset(): this {
    this.size = 0;
    this.at = 0;
    return this;
  }
  push(value: number): number {
    if (this.size === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.size++] = value;
    return value;
  }
  next(): number {
    return this.values[this.at++] as number;
  }
}

const scratchLengths = new Lengths();

function sizeOfBytes(value: unknown, lengths: Lengths): number {
  if (value === null || value === undefined) return 1;
  let length: number;
  if (Buffer.isBuffer(value)) length = value.length;
  else if (typeof value === 'string') length = lengths.push(utf8Length(value));
  else throw new NotOurs();
  return varIntBytes(length) + length;
}

/** kafkajs's headers: a key's value or array of values, each a string or Buffer (a loop: a generator cost 2 % of the mirror). */
function forEachHeader(headers: Record<string, unknown> | null | undefined, visit: (key: string, value: unknown) => void): void {
  if (!headers) return;
  for (const key of Object.keys(headers)) {
    const value = headers[key];
    if (Array.isArray(value)) for (const each of value) visit(key, each);
    else visit(key, value);
  }
}

function sizeOfRecord(message: ProduceMessage, offsetDelta: number, timestampDelta: number, lengths: Lengths): number {
  // kafkajs throws on null headers (Object.keys(null)): that stays its answer.
  if (!Number.isSafeInteger(timestampDelta) || message.headers === null) throw new NotOurs();
  const bodyAt = lengths.size;
  lengths.push(0);
  lengths.push(0);
  let body = 1 + (smallDelta(timestampDelta) ? varIntBytes(timestampDelta) : varLongDigits(timestampDelta).length) + varIntBytes(offsetDelta);
  body += sizeOfBytes(message.key, lengths) + sizeOfBytes(message.value, lengths);
  let count = 0;
  let headerBytes = 0;
  forEachHeader(message.headers, (key, value) => {
    if (value === null || value === undefined) throw new NotOurs();
    const keyLength = lengths.push(utf8Length(key));
    headerBytes += varIntBytes(keyLength) + keyLength + sizeOfBytes(value, lengths);
    count += 1;
  });
  body += varIntBytes(count) + headerBytes;
  lengths.values[bodyAt] = body;
  lengths.values[bodyAt + 1] = count;
  return varIntBytes(body) + body;
}

/** kafkajs's choice of a batch's timestamps, kept as it is (its sort compares them as strings). */
function planPartition(data: PartitionData, lengths: Lengths): PartitionPlan {
  const dateNow = Date.now();
  let stamped = false;
  for (const message of data.messages) {
    if (message.timestamp === null || message.timestamp === undefined) continue;
    if (typeof message.timestamp !== 'number') throw new NotOurs();
    stamped = true;
  }
  const timestamps = stamped ? (data.messages.map((message) => message.timestamp).filter((timestamp) => timestamp != null) as number[]).sort() : [dateNow];
  const firstTimestamp = timestamps[0] as number;
  const maxTimestamp = timestamps[timestamps.length - 1] as number;
  if (!Number.isSafeInteger(firstTimestamp) || !Number.isSafeInteger(maxTimestamp)) throw new NotOurs();
  let recordsBytes = 0;
  data.messages.forEach((message, index) => {
    recordsBytes += sizeOfRecord(message, index, ((message.timestamp as number) || dateNow) - firstTimestamp, lengths);
  });
  return { data, recordsBytes, firstTimestamp, maxTimestamp, dateNow };
}

const sizeOfString = (value: string | null | undefined, lengths: Lengths) => (value === null || value === undefined ? 2 : 2 + lengths.push(utf8Length(value)));

class Writer {
  offset = 0;
  constructor(readonly buffer: Buffer) {}

  int8(value: number) {
    this.buffer.writeInt8(value, this.offset);
    this.offset += 1;
  }
  int16(value: number) {
    this.buffer.writeInt16BE(value, this.offset);
    this.offset += 2;
  }
  int32(value: number) {
    this.buffer.writeInt32BE(value, this.offset);
    this.offset += 4;
  }
  int64(value: bigint) {
    this.buffer.writeBigInt64BE(BigInt.asIntN(64, value), this.offset);
    this.offset += 8;
  }
  varInt(value: number) {
    let encoded = zigZag(value);
    const { buffer } = this;
    while (encoded >= 0x80) {
      buffer[this.offset++] = (encoded & 0x7f) | 0x80;
      encoded >>>= 7;
    }
    buffer[this.offset++] = encoded;
  }
  varLong(value: number) {
    if (smallDelta(value)) return this.varInt(value);
    for (const digit of varLongDigits(value)) this.buffer[this.offset++] = digit;
  }
  utf8(value: string, length: number) {
    if (length === value.length && length <= shortString) {
      const { buffer, offset } = this;
      for (let index = 0; index < length; index++) buffer[offset + index] = value.charCodeAt(index);
      this.offset += length;
      return;
    }
    this.offset += this.buffer.write(value, this.offset, length, 'utf8');
  }
  string(value: string | null | undefined, lengths: Lengths) {
    if (value === null || value === undefined) return this.int16(-1);
    const length = lengths.next();
    this.int16(length);
    this.utf8(value, length);
  }
  varIntBytes(value: unknown, lengths: Lengths) {
    if (value === null || value === undefined) return this.varInt(-1);
    if (Buffer.isBuffer(value)) {
      this.varInt(value.length);
      this.buffer.set(value, this.offset);
      this.offset += value.length;
      return;
    }
    const length = lengths.next();
    this.varInt(length);
    this.utf8(value as string, length);
  }
}

function writeRecord(writer: Writer, message: ProduceMessage, offsetDelta: number, timestampDelta: number, lengths: Lengths) {
  writer.varInt(lengths.next());
  const headerCount = lengths.next();
  writer.int8(0);
  writer.varLong(timestampDelta);
  writer.varInt(offsetDelta);
  writer.varIntBytes(message.key, lengths);
  writer.varIntBytes(message.value, lengths);
  writer.varInt(headerCount);
  forEachHeader(message.headers, (key, value) => {
    const keyLength = lengths.next();
    writer.varInt(keyLength);
    writer.utf8(key, keyLength);
    writer.varIntBytes(value, lengths);
  });
}

function writePartition(writer: Writer, plan: PartitionPlan, lengths: Lengths, attributes: number, producerId: bigint, producerEpoch: number) {
  const { data, recordsBytes, firstTimestamp, maxTimestamp, dateNow } = plan;
  const batchBytes = batchHeaderBytes + batchBodyHeaderBytes + recordsBytes;
  writer.int32(data.partition);
  writer.int32(8 + 4 + batchBytes);
  writer.int64(0n);
  writer.int32(batchBytes);
  writer.int32(0);
  writer.int8(magicByte);
  const crcAt = writer.offset;
  writer.offset += 4;
  const bodyAt = writer.offset;
  writer.int16(attributes);
  writer.int32(data.messages.length - 1);
  writer.int64(BigInt(firstTimestamp));
  writer.int64(BigInt(maxTimestamp));
  writer.int64(producerId);
  writer.int16(producerEpoch);
  writer.int32(data.firstSequence ?? 0);
  writer.int32(data.messages.length);
  data.messages.forEach((message, index) => writeRecord(writer, message, index, ((message.timestamp as number) || dateNow) - firstTimestamp, lengths));
  writer.buffer.writeUInt32BE(crc32c(writer.buffer, bodyAt, writer.offset), crcAt);
}

/**
 * The body of a produce request (v3, which kafkajs's v4–v7 reuse) without compression, written
 * into one buffer sized beforehand, or null when the request holds something kafkajs's own
 * encoder should treat. kafkajs builds an encoder of 512 zero-filled bytes for every record and
 * every header, and copies each into the next: half the mirror's CPU. The bytes are kafkajs's,
 * as its unit test checks.
 */
export function encodeProduceRequest(args: ProduceRequestArgs, toLong: (value: unknown) => bigint): Buffer | null {
  // kafkajs defaults only an undefined compression: a null one fails there, so it goes there.
  if (args.compression !== undefined && args.compression !== noCompression) return null;
  const lengths = scratchLengths.reset();
  let plans: PartitionPlan[][];
  let size = sizeOfString(args.transactionalId, lengths) + 2 + 4 + 4;
  try {
    plans = args.topicData.map(({ topic, partitions }) => {
      size += sizeOfString(topic, lengths) + 4;
      return partitions.map((data) => {
        const plan = planPartition(data, lengths);
        size += 4 + 4 + 8 + 4 + batchHeaderBytes + batchBodyHeaderBytes + plan.recordsBytes;
        return plan;
      });
    });
  } catch (error) {
    if (error instanceof NotOurs) return null;
    throw error;
  }
  const producerId = toLong(args.producerId === undefined ? -1 : args.producerId);
  const attributes = args.transactionalId ? transactionalAttribute : 0;
  const writer = new Writer(Buffer.allocUnsafe(size));
  writer.string(args.transactionalId, lengths);
  writer.int16(args.acks);
  writer.int32(args.timeout);
  writer.int32(args.topicData.length);
  args.topicData.forEach(({ topic, partitions }, topicIndex) => {
    writer.string(topic, lengths);
    writer.int32(partitions.length);
    for (const plan of plans[topicIndex] as PartitionPlan[]) writePartition(writer, plan, lengths, attributes, producerId, args.producerEpoch ?? 0);
  });
  if (writer.offset !== size) throw new Error(`produce request sized ${size} bytes but ${writer.offset} were written`);
  return writer.buffer;
}

/** A kafkajs produce request (v3 or later) with its body encoded by `encodeProduceRequest`, or by kafkajs's own encoder when it returns null. */
function encodedInOneBuffer(request: ProduceRequest, args: ProduceRequestArgs, newEncoder: () => KafkajsEncoder, toLong: (value: unknown) => bigint): ProduceRequest {
  return {
    ...request,
    encode: async () => {
      const body = encodeProduceRequest(args, toLong);
      if (!body) return request.encode();
      const encoder = newEncoder();
      encoder.buf = body;
      encoder.offset = body.length;
      return encoder;
    },
  };
}

type VersionBuilder = (args: ProduceRequestArgs) => { request: ProduceRequest; response: unknown };
interface ProduceProtocol {
  protocol: (options: { version: number }) => VersionBuilder;
}

const installed = new WeakSet<ProduceProtocol>();

/** Has kafkajs's produce requests from v3 on (those with record batches) encoded by `encodeProduceRequest`, once per process. */
export function encodeProduceRequestsInOneBuffer(): void {
  const produce = require('kafkajs/src/protocol/requests/produce') as ProduceProtocol;
  if (installed.has(produce)) return;
  installed.add(produce);
  const Encoder = require('kafkajs/src/protocol/encoder') as new (initialSize?: number) => KafkajsEncoder;
  const Long = require('kafkajs/src/utils/long') as KafkajsLongClass;
  const newEncoder = () => new Encoder(0);
  const toLong = (value: unknown) => Long.fromValue(value).value;
  const versionOf = produce.protocol;
  produce.protocol = (options) => {
    const build = versionOf(options);
    if (!build || options.version < 3) return build;
    return (args) => {
      const built = build(args);
      return { ...built, request: encodedInOneBuffer(built.request, args, newEncoder, toLong) };
    };
  };
}
