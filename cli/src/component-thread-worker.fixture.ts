import { parentPort } from 'node:worker_threads';
import { getHeapSpaceStatistics } from 'node:v8';
import { runInThread } from './component-thread';

/** Answers 'young' with how large its young generation grew while it kept many small objects alive. */
const port = parentPort;
if (!port) throw new Error('a worker thread only');
const kept: Array<{ index: number }> = [];
runInThread(port, {
  name: 'fixture-thread',
  start: async () => undefined,
  stop: async () => undefined,
  onMessage(message) {
    if (message !== 'young') return;
    for (let index = 0; index < 3_000_000; index += 1) kept.push({ index });
    const newSpace = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    port.postMessage({ kind: 'young', megabytes: (newSpace?.space_size ?? 0) / 1024 / 1024 });
  },
});
