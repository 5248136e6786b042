import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The embedded log on another thread of this process, built from the adapter's own source
 * through tsx: it produces when asked, or consumes and reports what it handled.
 */
export type ThreadEvent = { type: 'ready' } | { type: 'assigned'; partitions: number[] } | { type: 'handled'; value: string } | { type: 'sent' } | { type: 'closed' };
export type ThreadCommand = { type: 'send'; values: string[] } | { type: 'close' };

export interface LogThreadOptions {
  file: string;
  topic: string;
  mode: 'produce' | 'consume';
  pollIntervalMs: number;
}

const workerSource = (tsxPath: string, adapterPath: string) => `
const { parentPort, workerData } = require('node:worker_threads');
require(${JSON.stringify(tsxPath)});
const { openEmbeddedLog } = require(${JSON.stringify(adapterPath)});
const { file, topic, mode, pollIntervalMs } = workerData;
const log = openEmbeddedLog(file, { pollIntervalMs });
const producer = log.createProducer();
parentPort.on('message', async (command) => {
  if (command.type === 'send') {
    await producer.send(command.values.map((value) => ({ topic, key: value, value: Buffer.from(value) })));
    parentPort.postMessage({ type: 'sent' });
  } else {
    await log.close();
    parentPort.postMessage({ type: 'closed' });
  }
});
(async () => {
  if (mode === 'consume') {
    const consumer = log.createConsumer({
      groupId: 'thread-group',
      topics: [topic],
      onPartitionsAssigned: (partitions) => parentPort.postMessage({ type: 'assigned', partitions: partitions.map((p) => p.partition) }),
      eachBatch: async (batch) => {
        for (const m of batch.messages) parentPort.postMessage({ type: 'handled', value: m.value.toString() });
      },
    });
    await consumer.start();
  }
  parentPort.postMessage({ type: 'ready' });
})();
`;

export function startLogThread(options: LogThreadOptions) {
  const events: ThreadEvent[] = [];
  const worker = new Worker(workerSource(require.resolve('tsx/cjs'), join(__dirname, 'embedded.ts')), { eval: true, workerData: options });
  worker.on('message', (event: ThreadEvent) => events.push(event));
  return {
    events,
    send: (values: string[]) => worker.postMessage({ type: 'send', values } satisfies ThreadCommand),
    async close(): Promise<void> {
      const closed = new Promise<void>((resolve) => worker.on('message', (event: ThreadEvent) => event.type === 'closed' && resolve()));
      worker.postMessage({ type: 'close' } satisfies ThreadCommand);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([closed, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
      await worker.terminate();
    },
  };
}
