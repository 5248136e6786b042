import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, createMetrics, eventToRecord, loadSettings, openEmbeddedLog, platformTopics } from '@ecommerce/platform';
import { allProjections } from '@ecommerce/projections';
import { createLifecycleEvents } from '@ecommerce/projections/src/lifecycle.fixture';
import { checkpointKey, orderCollections } from '@ecommerce/schemas';
import type { ProjectionCheckpoint } from '@ecommerce/schemas';
import { openAdapters } from './adapters';
import { createProjectionsThread } from './projections-thread';

const logger = createLogger({ level: 'silent' });

describe('projections on a worker thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'projections-thread-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs every projection, answers read-store calls for this thread, relays its metrics, and refuses calls once stopped', async () => {
    const settings = loadSettings({ DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const log = openEmbeddedLog(path.join(dir, 'log.db'));
    await log.ensureTopics(platformTopics(settings.PARTITIONS));
    await log.close();
    const metrics = createMetrics();
    const thread = createProjectionsThread({ settings, logger, metrics, relayEveryMs: 50 });
    await thread.start();
    try {
      expect(thread.health().ok).toBe(true);
      expect(thread.status().map((entry) => entry.projection).sort()).toEqual(allProjections.map((projection) => projection.name).sort());
      // written by the thread's store, read through the port
      await thread.readStore.setCheckpoint('written-from-main', { at: 7 });
      expect(await thread.readStore.getCheckpoint('written-from-main')).toEqual({ at: 7 });
      expect(await thread.readStore.listCollections()).toEqual(expect.any(Array));
      expect(await thread.readStore.health()).toMatchObject({ ok: true });
    } finally {
      await thread.stop();
    }
    expect(await thread.readStore.getCheckpoint('written-from-main').catch((error: unknown) => error)).toMatchObject({ code: 'unavailable' });
    // the lag gauges the thread set are served by this thread's registry
    expect(await metrics.registry.getSingleMetricAsString('projection_lag_messages')).toMatch(/projection_lag_messages\{projection="products"/);
  });

  it("applies what this thread produces, woken by the log's signal: its poll is far longer than the test", async () => {
    const settings = loadSettings({ DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const adapters = await openAdapters(settings, logger, ['log', 'registry']);
    const thread = createProjectionsThread({ settings, logger, metrics: createMetrics(), logPollIntervalMs: 10 * 60_000 });
    try {
      await adapters.log.ensureTopics(platformTopics(settings.PARTITIONS));
      await thread.start();
      const events = createLifecycleEvents();
      const records = await Promise.all(events.map((event) => eventToRecord(event, adapters.serde)));
      await adapters.log.createProducer().send(records);
      const lastOrderEvent = Math.max(...events.filter((event) => event.streamId.startsWith('order-')).map((event) => event.position));
      const ordersProgress = async () => Object.values((await thread.readStore.getCheckpoint<ProjectionCheckpoint>(checkpointKey('orders', 1)))?.partitions ?? {});
      for (let waited = 0; !(await ordersProgress()).some((entry) => entry.position >= lastOrderEvent); waited += 20) {
        if (waited > 20_000) throw new Error(`the orders projection did not reach position ${lastOrderEvent}: ${JSON.stringify(await ordersProgress())}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(thread.health().ok).toBe(true);
    } finally {
      await thread.stop();
      await adapters.close();
    }
  });

  it('runs the mirror too when asked: mirrors what this thread appends into the log its projections read, and relays its checkpoint and health', async () => {
    const settings = loadSettings({ DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const adapters = await openAdapters(settings, logger, ['eventStore', 'log', 'registry']);
    const without = createProjectionsThread({ settings, logger, metrics: createMetrics() });
    expect(without.mirror).toBeUndefined();
    const metrics = createMetrics();
    const thread = createProjectionsThread({ settings, logger, metrics, withMirror: true, relayEveryMs: 50 });
    try {
      await adapters.log.ensureTopics(platformTopics(settings.PARTITIONS));
      await thread.start();
      expect(thread.mirror?.health()).toMatchObject({ ok: true });
      const events = createLifecycleEvents();
      let head = 0;
      for (const event of events) head = (await adapters.eventStore.append(event.streamId, [{ id: randomUUID(), type: event.type, data: event.data, metadata: event.metadata }])).position;
      for (let waited = 0; (thread.mirror?.checkpoint() ?? 0) < head; waited += 20) {
        if (waited > 20_000) throw new Error(`the mirror did not reach ${head}: at ${thread.mirror?.checkpoint()}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const orders = async () => (await thread.readStore.collection(orderCollections(1).orders).count());
      for (let waited = 0; (await orders()) === 0; waited += 20) {
        if (waited > 20_000) throw new Error('the orders projection never saw the mirrored order');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const published = (await metrics.registry.getSingleMetric('mirror_events_published_total')?.get())?.values[0]?.value ?? 0;
      expect(published).toBeGreaterThanOrEqual(events.length);
    } finally {
      await thread.stop();
      await adapters.close();
    }
    expect(thread.mirror?.health()).toMatchObject({ ok: false });
  });

  it("copies back the WAL of this thread's files, whose own commits leave it to the thread", async () => {
    const settings = loadSettings({ DATA_DIR: dir, LOG_LEVEL: 'warn' });
    const adapters = await openAdapters(settings, logger, ['eventStore', 'log', 'registry'], { checkpointElsewhere: true });
    const eventsFile = path.join(dir, 'events.db');
    expect(adapters.checkpointedElsewhere.sort()).toEqual([eventsFile, path.join(dir, 'log.db')].sort());
    const thread = createProjectionsThread({ settings, logger, metrics: createMetrics(), checkpointFiles: adapters.checkpointedElsewhere });
    try {
      await adapters.log.ensureTopics(platformTopics(settings.PARTITIONS));
      const before = fs.statSync(eventsFile).size;
      // 1,500 appends of 2 KiB: past SQLite's default auto-checkpoint, and left in the WAL by this thread
      for (let index = 0; index < 1500; index += 1) {
        await adapters.eventStore.append(`filler-${index}`, [{ id: randomUUID(), type: 'FillerWritten', data: { text: 'x'.repeat(2048) }, metadata: {} }]);
      }
      expect(fs.statSync(eventsFile).size).toBe(before);
      await thread.start();
      for (let waited = 0; fs.statSync(eventsFile).size < 3 * 1024 * 1024; waited += 20) {
        if (waited > 10_000) throw new Error(`events.db still holds ${fs.statSync(eventsFile).size} bytes`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await thread.stop();
      await adapters.close();
    }
  });

  it('rejects its start with the reason when the thread cannot open its files', async () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const thread = createProjectionsThread({ settings: loadSettings({ DATA_DIR: file, LOG_LEVEL: 'warn' }), logger, metrics: createMetrics() });
    await expect(thread.start()).rejects.toThrow(/the projections thread did not start/);
    expect(thread.health().ok).toBe(false);
    await thread.stop();
  });
});
