import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLogger, deadLetterTopic, openEmbeddedLog, openEmbeddedReadStore } from '@ecommerce/platform';
import type { CheckpointEntry, Log, ReadStore, Serde } from '@ecommerce/platform';
import { createProjectionsHost } from './host';
import { checkpointKey } from './projection';
import type { Projection, ProjectionCheckpoint } from './projection';

const silentLogger = createLogger({ level: 'silent' });
const unusedSerde: Serde = {
  encode: () => Promise.reject(new Error('not used')),
  decode: () => Promise.reject(new Error('not used')),
};

const projectionOn = (name: string, topic: string): Projection => ({
  name,
  topics: [topic],
  collections: (version) => ({ docs: `${name}_v${version}` }),
  setup: async () => undefined,
  apply: async () => undefined,
});

describe('projections host', () => {
  let dir: string;
  let log: Log;
  let readStore: ReadStore;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'projections-host-'));
    log = openEmbeddedLog(path.join(dir, 'log.db'), { pollIntervalMs: 20 });
    readStore = openEmbeddedReadStore(path.join(dir, 'read.db'));
    await log.ensureTopics([{ topic: 'ecommerce.a.events', partitions: 2 }, { topic: 'ecommerce.b.events', partitions: 1 }, { topic: deadLetterTopic, partitions: 1 }]);
  });
  afterEach(async () => {
    await log.close();
    await readStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("checks every projection's lag together and saves their progress in one write, over and over", async () => {
    const writes: string[][] = [];
    let singleWrites = 0;
    const recording: ReadStore = {
      ...readStore,
      setCheckpoint: (name, value) => {
        singleWrites += 1;
        return readStore.setCheckpoint(name, value);
      },
      setCheckpoints: (entries: ReadonlyArray<CheckpointEntry>) => {
        writes.push(entries.map(({ name }) => name).sort());
        return readStore.setCheckpoints(entries);
      },
    };
    const host = createProjectionsHost({
      projections: [projectionOn('alpha', 'ecommerce.a.events'), projectionOn('beta', 'ecommerce.b.events')],
      log, serde: unusedSerde, readStore: recording, logger: silentLogger, lagCheckIntervalMs: 40,
    });
    await host.start();
    const checkedAt = async (name: string) => {
      const checkpoint = await readStore.getCheckpoint<ProjectionCheckpoint>(checkpointKey(name, 1));
      return Object.values(checkpoint?.partitions ?? {}).map((entry) => entry.checkedAt);
    };
    try {
      const before = [...(await checkedAt('alpha')), ...(await checkedAt('beta'))];
      expect(before).toHaveLength(3);
      const writesBefore = writes.length;
      const together = () => writes.slice(writesBefore).filter((names) => names.join() === [checkpointKey('alpha', 1), checkpointKey('beta', 1)].sort().join());
      // A tick every 40 ms; how many run in a given time depends on the machine's load (CI once saw
      // one in 400 ms), so the test waits for four of them rather than for a time.
      for (let waited = 0; together().length < 4; waited += 20) {
        if (waited > 20_000) throw new Error(`only ${together().length} joint writes of the two projections' progress in 20 s`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const after = [...(await checkedAt('alpha')), ...(await checkedAt('beta'))];
      after.forEach((at, index) => expect(at).toBeGreaterThan(before[index] as number));
      // most of them written as one
      expect(writes.length - writesBefore).toBeLessThanOrEqual(together().length + 4);
      expect(singleWrites).toBe(0);
    } finally {
      await host.stop();
    }
  });
});
