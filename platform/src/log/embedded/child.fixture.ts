import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A consumer of the embedded log in another Node process, built from the adapter's own
 * source through tsx, reporting what it does as JSON lines on stdout.
 */
export type ChildEvent =
  | { type: 'started' }
  | { type: 'assigned' | 'revoked'; partitions: number[] }
  | { type: 'handled'; partition: number; offset: number; value: string }
  | { type: 'stopped' };

const childSource = (tsxPath: string, adapterPath: string) => `
require(${JSON.stringify(tsxPath)});
const { openEmbeddedLog } = require(${JSON.stringify(adapterPath)});
const [file, topic, groupId, mode, sessionTimeoutMs] = process.argv.slice(2);
const report = (event) => process.stdout.write(JSON.stringify(event) + '\\n');
const log = openEmbeddedLog(file, { pollIntervalMs: 20, sessionTimeoutMs: Number(sessionTimeoutMs) });
const consumer = log.createConsumer({
  groupId,
  topics: [topic],
  maxBatchSize: 10,
  onPartitionsAssigned: (partitions) => report({ type: 'assigned', partitions: partitions.map((p) => p.partition) }),
  onPartitionsRevoked: (partitions) => report({ type: 'revoked', partitions: partitions.map((p) => p.partition) }),
  eachBatch: async (batch) => {
    for (const m of batch.messages) report({ type: 'handled', partition: m.partition, offset: m.offset, value: m.value.toString() });
    if (mode === 'hang') await new Promise(() => undefined);
  },
});
consumer.start().then(() => report({ type: 'started' }));
process.stdin.on('data', async () => {
  await log.close();
  report({ type: 'stopped' });
  process.exit(0);
});
`;

export interface ChildConsumer {
  events: ChildEvent[];
  process: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
  /** Asks the child to stop its consumer and close the log. */
  stop(): Promise<void>;
}

export function spawnChildConsumer(
  dir: string,
  args: { file: string; topic: string; groupId: string; mode: 'normal' | 'hang'; sessionTimeoutMs: number },
): ChildConsumer {
  const script = path.join(dir, `child-${process.pid}-${Date.now()}.js`);
  fs.writeFileSync(script, childSource(require.resolve('tsx/cjs'), path.join(__dirname, 'embedded.ts')));
  const child = spawn(process.execPath, [script, args.file, args.topic, args.groupId, args.mode, String(args.sessionTimeoutMs)]);
  const events: ChildEvent[] = [];
  let pending = '';
  child.stdout.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.trim()) events.push(JSON.parse(line) as ChildEvent);
  });
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[child] ${chunk.toString('utf8')}`));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return {
    events,
    process: child,
    exited,
    async stop() {
      child.stdin.write('stop\n');
      await exited;
    },
  };
}

/** The partitions a child holds now, from its assigned/revoked reports. */
export function childPartitions(events: readonly ChildEvent[]): number[] {
  const held = new Set<number>();
  for (const event of events) {
    if (event.type === 'assigned') for (const partition of event.partitions) held.add(partition);
    if (event.type === 'revoked') for (const partition of event.partitions) held.delete(partition);
  }
  return [...held].sort((a, b) => a - b);
}
