/**
 * Proves the wire format is standard: every event type encoded by our serde, over our registry
 * server through the Confluent client, is decoded by an Avro implementation that is not ours
 * (Python's fastavro, fetching each writer schema by id from the registry).
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaRegistry as ConfluentClient } from '@kafkajs/confluent-schema-registry';
import { avroSchemaOfRecordName, createSampleEventPayload, eventContexts, eventTopic, recordNameOf } from '@ecommerce/schemas';
import type { EventType } from '@ecommerce/schemas';
import { createAvroSerde } from '../avro-serde';
import { createConfluentSchemaRegistry } from '../confluent-registry';
import { createTestLogFiles, startRegistryOn } from './registry-server.fixture';
import type { RunningRegistry } from './registry-server.fixture';

const decoderScript = join(__dirname, '..', '..', '..', '..', 'schemas', 'tests-python', 'decode_confluent.py');

const fastavroProbe = spawnSync('python3', ['-c', 'import fastavro'], { encoding: 'utf8' });
const whyNot = fastavroProbe.error
  ? `python3 is not available (${fastavroProbe.error.message})`
  : fastavroProbe.status !== 0
    ? `python3 cannot import fastavro (pip install -r schemas/tests-python/requirements.txt): ${fastavroProbe.stderr.trim().split('\n').at(-1) ?? ''}`
    : undefined;
if (whyNot) console.warn(`skipped: ${whyNot}`);
const describeIfFastavro = whyNot ? describe.skip : describe;

interface Decoded {
  type?: string;
  schemaId: number;
  recordName: string;
  data: Record<string, unknown>;
}

/** Asynchronous: the registry answering the script's requests runs in this very process. */
const runDecoder = async (file: string, format: string, registryUrl: string): Promise<Decoded[]> => {
  const { stdout } = await promisify(execFile)('python3', [decoderScript, file, '--format', format], {
    encoding: 'utf8',
    env: { ...process.env, SCHEMA_REGISTRY_URL: registryUrl },
    timeout: 60_000,
  });
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as Decoded);
};

describeIfFastavro('wire format read by an independent Avro implementation (fastavro)', () => {
  const files = createTestLogFiles();
  let registry: RunningRegistry;
  const eventTypes = Object.keys(eventContexts) as EventType[];
  const encoded: Array<{ type: EventType; topic: string; sample: Record<string, unknown>; message: Buffer }> = [];

  beforeAll(async () => {
    registry = await startRegistryOn(files.open());
    const serde = createAvroSerde(createConfluentSchemaRegistry(new ConfluentClient({ host: registry.url })), {
      resolveSchema: (recordName) => avroSchemaOfRecordName(recordName)?.text,
    });
    for (const type of eventTypes) {
      const sample = createSampleEventPayload(type) as unknown as Record<string, unknown>;
      const topic = eventTopic(type);
      encoded.push({ type, topic, sample, message: await serde.encode(topic, recordNameOf(type), sample) });
    }
  });
  afterAll(async () => {
    await registry.stop();
    await files.cleanup();
  });

  it('decodes every event type from JSON lines of base64 messages to the data that was encoded', async () => {
    const file = join(files.directory, 'messages.jsonl');
    writeFileSync(file, encoded.map(({ type, topic, message }) => JSON.stringify({ type, topic, value: message.toString('base64') })).join('\n'));
    const decoded = await runDecoder(file, 'jsonl', registry.url);
    expect(decoded).toHaveLength(eventTypes.length);
    for (const [index, { type, sample, message }] of encoded.entries()) {
      expect(decoded[index]).toEqual({ type, topic: eventTopic(type), schemaId: message.readInt32BE(1), recordName: recordNameOf(type), data: sample });
    }
  });

  it('decodes length-prefixed raw messages the same way', async () => {
    const file = join(files.directory, 'messages.bin');
    writeFileSync(file, Buffer.concat(encoded.flatMap(({ message }) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(message.length);
      return [length, message];
    })));
    expect((await runDecoder(file, 'length-prefixed', registry.url)).map((entry) => entry.data)).toEqual(encoded.map((entry) => entry.sample));
  });

  it('fails, naming the message, on a body that does not match its schema', async () => {
    const first = encoded[0];
    if (!first) throw new Error('no encoded message');
    const file = join(files.directory, 'truncated.jsonl');
    writeFileSync(file, JSON.stringify({ value: first.message.subarray(0, first.message.length - 3).toString('base64') }));
    await expect(runDecoder(file, 'jsonl', registry.url)).rejects.toThrow(/message 0/);
  });
});
