import type { Log, Logger, Metrics, ReadStore, Serde } from '@ecommerce/platform';
import { readActiveVersions } from './projection';
import type { ActiveVersion, Projection, ProjectionCheckpoint } from './projection';
import { createProjectionRunner } from './runner';
import { sharedEndOffsetsOf } from './end-offsets';
import type { ProjectionRunner } from './runner';
import { createCheckpointWriter } from './checkpoint-writer';

export interface ProjectionsHostOptions {
  projections: Projection[];
  log: Log;
  serde: Serde;
  readStore: ReadStore;
  logger: Logger;
  metrics?: Metrics;
  /** How often the active version is re-read, to follow a rebuild done elsewhere. */
  versionPollMs?: number;
  /** How long a replaced version's collections stay for queries already under way. */
  dropDelayMs?: number;
  /** Each runner's consumer batch window (PROJECTION_BATCH_WINDOW_MS). */
  batchWindowMs?: number;
  /** Each runner's partitions taken at once, one fetch's applied together (PROJECTION_PARTITIONS_AT_ONCE). */
  partitionsAtOnce?: number;
  /** How often every runner's lag is checked (together, so that their progress is saved in one write). */
  lagCheckIntervalMs?: number;
}

export interface ProjectionsHost {
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): Array<{ projection: string; version: number; progress: ProjectionCheckpoint }>;
}

/** Runs the active version of each projection and follows blue/green switches. */
export function createProjectionsHost(options: ProjectionsHostOptions): ProjectionsHost {
  const running = new Map<string, { version: number; runner: ProjectionRunner }>();
  const endOffsets = sharedEndOffsetsOf(options.log);
  const checkpoints = createCheckpointWriter(options.readStore, options.logger);
  const timers = new Set<NodeJS.Timeout>();
  let poll: NodeJS.Timeout | undefined;
  let lagTimer: NodeJS.Timeout | undefined;
  let checkingLag = false;
  let switching: Promise<void> = Promise.resolve();

  async function ensureActive(projection: Projection, active: ActiveVersion): Promise<void> {
    const current = running.get(projection.name);
    if (current?.version === active.version) return;
    const runner = createProjectionRunner({ ...options, projection, version: active.version, skipThrough: active.rebuiltThrough, endOffsets, checkpoints, lagCheckIntervalMs: 0 });
    await runner.start();
    running.set(projection.name, { version: active.version, runner });
    if (!current) return;
    options.logger.info({ projection: projection.name, from: current.version, to: active.version }, 'projection switched to the rebuilt version');
    await current.runner.stop();
    const dropTimer = setTimeout(() => {
      timers.delete(dropTimer);
      for (const name of Object.values(projection.collections(current.version))) void options.readStore.collection(name).drop();
    }, options.dropDelayMs ?? 10_000);
    timers.add(dropTimer);
  }

  let checking = false;
  /**
   * Each projection's version is checked, and its runner started, independently of the others: on
   * Kafka every start waits for a consumer group to form, and one after another that made the last
   * projection (and any switch) wait for all the others. Their active versions are read together.
   * A poll while a check runs is skipped.
   */
  const checkAll = () => {
    checking = true;
    switching = switching.then(async () => {
      const active = await readActiveVersions(options.readStore, options.projections.map(({ name }) => name));
      const outcomes = await Promise.allSettled(options.projections.map((projection) => ensureActive(projection, active.get(projection.name) as ActiveVersion)));
      for (const outcome of outcomes) if (outcome.status === 'rejected') options.logger.error({ err: outcome.reason }, 'projection version check failed');
    }).catch((error: unknown) => options.logger.error({ err: error }, 'projection version check failed')).finally(() => {
      checking = false;
    });
    return switching;
  };

  /** Every runner's lag at once: their saves share one write. A tick while a check runs is skipped. */
  const checkLags = async () => {
    checkingLag = true;
    try {
      const outcomes = await Promise.allSettled([...running.values()].map(({ runner }) => runner.checkLag()));
      for (const outcome of outcomes) if (outcome.status === 'rejected') options.logger.warn({ err: outcome.reason }, 'projection lag check failed');
    } finally {
      checkingLag = false;
    }
  };

  return {
    async start() {
      await checkAll();
      poll = setInterval(() => {
        if (!checking) void checkAll();
      }, options.versionPollMs ?? 1000);
      lagTimer = setInterval(() => {
        if (!checkingLag) void checkLags();
      }, options.lagCheckIntervalMs ?? 250);
    },
    async stop() {
      if (poll) clearInterval(poll);
      if (lagTimer) clearInterval(lagTimer);
      for (const timer of timers) clearTimeout(timer);
      await switching;
      for (const { runner } of running.values()) await runner.stop();
      running.clear();
    },
    // In the projections' own order, whichever runner started first.
    status: () => options.projections.flatMap(({ name }) => {
      const current = running.get(name);
      return current ? [{ projection: name, version: current.version, progress: current.runner.progress() }] : [];
    }),
  };
}
