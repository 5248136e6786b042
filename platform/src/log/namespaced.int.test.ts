import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { logContract } from './contract';
import { openEmbeddedLog } from './embedded';
import { createNamespacedLog } from './namespaced';

// The namespace must be invisible to callers: the very same contract holds through it.
logContract('namespaced embedded log', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'namespaced-log-'));
  const inner = openEmbeddedLog(join(dir, 'log.db'));
  const log = createNamespacedLog(inner, 'tenant-a.');
  return { log, cleanup: async () => { await log.close(); rmSync(dir, { recursive: true, force: true }); } };
});

describe('namespaced log', () => {
  it('keeps two namespaces of one log apart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'namespaced-log-'));
    const inner = openEmbeddedLog(join(dir, 'log.db'));
    try {
      const a = createNamespacedLog(inner, 'a.');
      const b = createNamespacedLog(inner, 'b.');
      await a.ensureTopics([{ topic: 'events', partitions: 1 }]);
      await b.ensureTopics([{ topic: 'events', partitions: 1 }]);
      await a.createProducer().send([{ topic: 'events', key: 'k', value: Buffer.from('from a') }]);
      expect(await a.endOffsets('events')).toEqual([1]);
      expect(await b.endOffsets('events')).toEqual([0]);
      const [message] = await a.read('events', 0, 0, 1);
      expect(message).toMatchObject({ topic: 'events', key: 'k' });
      expect(await inner.endOffsets('a.events')).toEqual([1]);
    } finally {
      await inner.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
