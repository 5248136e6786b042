import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, createMetrics, loadSettings, platformTopics } from '@ecommerce/platform';
import { createLifecycleEvents } from '@ecommerce/projections/src/lifecycle.fixture';
import { openAdapters } from './adapters';
import { createProcessorsThread } from './processors-thread';

const logger = createLogger({ level: 'silent' });

const waitFor = async (what: string, check: () => boolean, timeoutMs = 20_000) => {
  for (let waited = 0; !check(); waited += 20) {
    if (waited > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the mirror and the processors on a worker thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'processors-thread-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("mirrors what this thread appends, woken by the event store's signal (its polls are far longer than the test), and relays its health and metrics", async () => {
    const settings = loadSettings({ DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const adapters = await openAdapters(settings, logger, ['eventStore', 'log', 'registry']);
    const metrics = createMetrics();
    const thread = createProcessorsThread({ settings, logger, metrics, relayEveryMs: 50, eventStorePollIntervalMs: 10 * 60_000, logPollIntervalMs: 10 * 60_000 });
    try {
      await adapters.log.ensureTopics(platformTopics(settings.PARTITIONS));
      await thread.start();
      expect(thread.health()).toMatchObject({ ok: true });
      expect(thread.mirror?.health()).toMatchObject({ ok: true });
      let head = 0;
      for (const event of createLifecycleEvents()) {
        head = (await adapters.eventStore.append(event.streamId, [{ id: randomUUID(), type: event.type, data: event.data, metadata: event.metadata }])).position;
      }
      await waitFor(`the mirror to reach ${head} (at ${thread.mirror?.checkpoint()})`, () => (thread.mirror?.checkpoint() ?? 0) >= head);
      // the thread's counters, served by this thread's registry
      // at least the events appended here: the processors append their own in answer to some of them
      const published = async () => (await metrics.registry.getSingleMetric('mirror_events_published_total')?.get())?.values[0]?.value ?? 0;
      for (let waited = 0; (await published()) < createLifecycleEvents().length && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await published()).toBeGreaterThanOrEqual(createLifecycleEvents().length);
    } finally {
      await thread.stop();
      await adapters.close();
    }
    expect(thread.health()).toMatchObject({ ok: false });
  });

  it('runs without the mirror when it runs elsewhere: nothing is published', async () => {
    const settings = loadSettings({ DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const adapters = await openAdapters(settings, logger, ['eventStore', 'log', 'registry']);
    const thread = createProcessorsThread({ settings, logger, metrics: createMetrics(), withMirror: false, relayEveryMs: 50 });
    try {
      await adapters.log.ensureTopics(platformTopics(settings.PARTITIONS));
      await thread.start();
      expect(thread.mirror).toBeUndefined();
      for (const event of createLifecycleEvents()) await adapters.eventStore.append(event.streamId, [{ id: randomUUID(), type: event.type, data: event.data, metadata: event.metadata }]);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(thread.health()).toMatchObject({ ok: true });
      const ends = await Promise.all(platformTopics(settings.PARTITIONS).map(({ topic }) => adapters.log.endOffsets(topic)));
      expect(ends.flat().reduce((sum, end) => sum + end, 0)).toBe(0);
    } finally {
      await thread.stop();
      await adapters.close();
    }
  });

  it('rejects its start with the reason when the thread cannot open its files', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const thread = createProcessorsThread({ settings: loadSettings({ DATA_DIR: file, LOG_LEVEL: 'warn' }), logger, metrics: createMetrics() });
    await expect(thread.start()).rejects.toThrow(/the processors thread did not start/);
    expect(thread.health()).toMatchObject({ ok: false, detail: expect.stringMatching(/^processors thread: /) });
    await thread.stop();
  });
});
