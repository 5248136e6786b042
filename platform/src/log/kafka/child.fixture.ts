import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A consumer-group member of the Kafka adapter in another Node process, built from the
 * adapter's own source through tsx. Each handled message is written synchronously to its
 * record file and the file fdatasync'd before the batch resolves, so a commit never gets
 * ahead of the record: what the file lacks was never committed by this member. Lifecycle
 * and kafkajs warnings come back as JSON lines on stdout. SIGTERM stops it gracefully.
 */
export type KafkaChildEvent =
  | { type: 'started' }
  | { type: 'assigned' | 'revoked'; partitions: number[] }
  | { type: 'kafkajs'; level: 'warn' | 'error'; message: string }
  | { type: 'stopped' };

/** One line of a record file. */
export interface HandledRecord {
  member: string;
  /** Wall-clock milliseconds with sub-millisecond precision, comparable across processes of one machine. */
  at: number;
  partition: number;
  offset: number;
  key: string;
  value: string;
}

export interface KafkaChildOptions {
  brokers: string;
  topic: string;
  groupId: string;
  member: string;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
  maxBatchSize: number;
  /** Work after recording each batch and before it resolves: widens the window between record and commit. */
  workMsPerBatch: number;
  /** How long the coordinator waits for members to rejoin (default 10 s). */
  rebalanceTimeoutMs?: number;
}

const childSource = (tsxPath: string, kafkajsPath: string, adapterPath: string) => `
require(${JSON.stringify(tsxPath)});
const fs = require('node:fs');
const { Kafka, logLevel } = require(${JSON.stringify(kafkajsPath)});
const { createKafkaLog, createKafkaLogCreator } = require(${JSON.stringify(adapterPath)});
const options = JSON.parse(process.argv[2]);
const recordFile = process.argv[3];
const report = (event) => process.stdout.write(JSON.stringify(event) + '\\n');
const sink = {
  warn: (_fields, message) => report({ type: 'kafkajs', level: 'warn', message }),
  error: (_fields, message) => report({ type: 'kafkajs', level: 'error', message }),
};
const kafka = new Kafka({ clientId: options.member, brokers: options.brokers.split(','), logLevel: logLevel.WARN, logCreator: createKafkaLogCreator(sink) });
const log = createKafkaLog(kafka, {
  sessionTimeoutMs: options.sessionTimeoutMs,
  heartbeatIntervalMs: options.heartbeatIntervalMs,
  rebalanceTimeoutMs: options.rebalanceTimeoutMs ?? 10000,
  maxWaitTimeMs: 100,
});
const fd = fs.openSync(recordFile, 'a');
const consumer = log.createConsumer({
  groupId: options.groupId,
  topics: [options.topic],
  maxBatchSize: options.maxBatchSize,
  onPartitionsAssigned: (partitions) => report({ type: 'assigned', partitions: partitions.map((p) => p.partition) }),
  onPartitionsRevoked: (partitions) => report({ type: 'revoked', partitions: partitions.map((p) => p.partition) }),
  eachBatch: async (batch) => {
    const lines = batch.messages.map((m) => JSON.stringify({
      member: options.member,
      at: performance.timeOrigin + performance.now(),
      partition: m.partition,
      offset: m.offset,
      key: m.key,
      value: m.value.toString('utf8'),
    }) + '\\n');
    fs.writeSync(fd, lines.join(''));
    fs.fdatasyncSync(fd);
    await new Promise((resolve) => setTimeout(resolve, options.workMsPerBatch));
  },
});
consumer.start().then(() => report({ type: 'started' }), (error) => {
  report({ type: 'kafkajs', level: 'error', message: 'start failed: ' + error.message });
  process.exit(1);
});
let stopping = false;
process.on('SIGTERM', async () => {
  if (stopping) return;
  stopping = true;
  await consumer.stop();
  await log.close();
  fs.closeSync(fd);
  report({ type: 'stopped' });
  process.exit(0);
});
`;

export interface KafkaChild {
  member: string;
  recordFile: string;
  events: KafkaChildEvent[];
  process: ChildProcessWithoutNullStreams;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Rejects when the child exits before `stop` or `kill` asked it to: race a wait with it to fail fast. */
  unexpectedExit: Promise<never>;
  /** SIGTERM: the child stops its consumer (leaving the group) and exits. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL: the child dies without leaving the group or committing anything more. */
  kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** What it has recorded so far. */
  records(): HandledRecord[];
  /** The partitions it holds now, from its assigned/revoked reports. */
  partitions(): number[];
}

export function spawnKafkaChild(dir: string, options: KafkaChildOptions): KafkaChild {
  const script = path.join(dir, 'kafka-child.js');
  if (!fs.existsSync(script)) fs.writeFileSync(script, childSource(require.resolve('tsx/cjs'), path.join(__dirname, 'kafkajs.ts'), path.join(__dirname, 'kafka.ts')));
  const recordFile = path.join(dir, `${options.member}.records`);
  const child = spawn(process.execPath, [script, JSON.stringify(options), recordFile]);
  const events: KafkaChildEvent[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as KafkaChildEvent);
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[${options.member}] ${chunk.toString('utf8')}`));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  let exitExpected = false;
  const unexpectedExit = exited.then((exit) => {
    if (exitExpected) return new Promise<never>(() => undefined);
    throw new Error(`child ${options.member} exited unexpectedly: ${JSON.stringify(exit)}; last events ${JSON.stringify(events.slice(-5))}`);
  });
  unexpectedExit.catch(() => undefined);
  return {
    member: options.member,
    recordFile,
    events,
    process: child,
    exited,
    unexpectedExit,
    async stop() {
      exitExpected = true;
      child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      exitExpected = true;
      child.kill('SIGKILL');
      return exited;
    },
    records: () => readRecords(recordFile),
    partitions() {
      const held = new Set<number>();
      for (const event of events) {
        if (event.type === 'assigned') for (const partition of event.partitions) held.add(partition);
        if (event.type === 'revoked') for (const partition of event.partitions) held.delete(partition);
      }
      return [...held].sort((a, b) => a - b);
    },
  };
}

/** The complete lines of a record file (a line being written by a live child is left out). */
export function readRecords(file: string): HandledRecord[] {
  if (!fs.existsSync(file)) return [];
  const content = fs.readFileSync(file, 'utf8');
  const complete = content.slice(0, content.lastIndexOf('\n') + 1);
  return complete.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as HandledRecord);
}

export interface HandlingSummary {
  /** Produced values no member recorded. */
  missing: string[];
  /** Values recorded more than once, with the members that recorded them in handling order. */
  duplicates: Array<{ value: string; partition: number; offset: number; members: string[] }>;
  /** Keys whose values, in handling order across members, are not in produced order. */
  keysOutOfOrder: Array<{ key: string; handled: number[] }>;
  /** Partitions whose offsets, in handling order across members, do not strictly increase: the records around the first step back. */
  partitionsOutOfOrder: Array<{ partition: number; around: string[] }>;
}

const push = <K, V>(groups: Map<K, V[]>, key: K, value: V) => {
  const group = groups.get(key);
  if (group) group.push(value);
  else groups.set(key, [value]);
};

const firstStepBack = (numbers: readonly number[]) => numbers.findIndex((value, index) => index > 0 && value <= (numbers[index - 1] ?? -Infinity));

/**
 * Compares what the members recorded with what was produced. Values are `${key}:${seq}`, seq
 * counting up per key in produce order; the order across processes comes from `at`.
 */
export function summariseHandling(produced: readonly string[], records: readonly HandledRecord[]): HandlingSummary {
  const byValue = new Map<string, HandledRecord[]>();
  const byKey = new Map<string, number[]>();
  const byPartition = new Map<number, HandledRecord[]>();
  for (const record of [...records].sort((a, b) => a.at - b.at)) {
    push(byValue, record.value, record);
    push(byKey, record.key, Number(record.value.slice(record.value.lastIndexOf(':') + 1)));
    push(byPartition, record.partition, record);
  }
  return {
    missing: produced.filter((value) => !byValue.has(value)),
    duplicates: [...byValue].flatMap(([value, handled]) =>
      handled.length > 1 && handled[0] ? [{ value, partition: handled[0].partition, offset: handled[0].offset, members: handled.map((record) => record.member) }] : [],
    ),
    keysOutOfOrder: [...byKey].flatMap(([key, handled]) => (firstStepBack(handled) < 0 ? [] : [{ key, handled }])),
    partitionsOutOfOrder: [...byPartition].flatMap(([partition, handled]) => {
      const index = firstStepBack(handled.map((record) => record.offset));
      const around = handled.slice(Math.max(0, index - 3), index + 3).map((record) => `${record.member}@${record.offset}`);
      return index < 0 ? [] : [{ partition, around }];
    }),
  };
}
