import { join } from 'node:path';
import type { HealthResult, Logger, Metrics, ReadStore, Settings } from '@ecommerce/platform';
import type { ProjectionsHost } from '@ecommerce/projections';
import type { Mirror } from '@ecommerce/command-api';
import { createComponentThread, createMetricsCopier, healthSeenFrom, mirrorSeenFrom } from './component-thread';
import type { MirrorProgress } from './component-thread';
import type { ProjectionsThreadData, ThreadMessage } from './projections-thread-messages';
import { createThreadReadStore } from './thread-read-store';

const runningHealth: HealthResult = { ok: true, detail: 'worker thread' };

export interface ProjectionsThread extends ProjectionsHost {
  health(): HealthResult;
  /** The mirror as seen from this thread, when it runs on the projections thread (`withMirror`). */
  mirror?: Pick<Mirror, 'checkpoint' | 'health'>;
  /** The thread's read store, for this thread's queries. */
  readStore: ReadStore;
}

export interface ProjectionsThreadOptions {
  settings: Settings;
  logger: Logger;
  /** The main thread's metrics: the thread's projection metrics are copied into them. */
  metrics: Metrics;
  relayEveryMs?: number;
  /**
   * The embedded log's wake-ups cross threads: the main thread's produces wake the thread's
   * consumers at once. This poll only finds other processes' produces; the log's default when unset.
   */
  logPollIntervalMs?: number;
  stopTimeoutMs?: number;
  /** The mirror runs on the projections thread too. */
  withMirror?: boolean;
  /** This thread's SQLite files whose WAL the projections thread copies back (`startCheckpoints`). */
  checkpointFiles?: readonly string[];
}

/**
 * The projections host on a worker thread (`projections-thread-worker.ts`), seen from the main
 * thread as a `ProjectionsHost`. In the embedded `start` the projections, the HTTP side, the
 * mirror and the processors otherwise share one event loop, and so one core of the machine.
 */
export function createProjectionsThread(options: ProjectionsThreadOptions): ProjectionsThread {
  const { logger } = options;
  const copyMetrics = createMetricsCopier(options.metrics);
  let status: ReturnType<ProjectionsHost['status']> = [];
  let mirror: MirrorProgress | undefined;
  const data: ProjectionsThreadData = {
    // the main thread's logger's level: a caller that silenced it silences the thread too
    settings: options.settings, logLevel: logger.level,
    relayEveryMs: options.relayEveryMs ?? 250, withMirror: options.withMirror ?? false, logPollIntervalMs: options.logPollIntervalMs, checkpointFiles: [...(options.checkpointFiles ?? [])],
  };
  const thread = createComponentThread<ThreadMessage>({
    name: 'projections', workerFile: join(__dirname, 'projections-thread-worker.ts'), workerData: data, logger, stopTimeoutMs: options.stopTimeoutMs,
    onMessage: (message) => {
      if (message.kind === 'read-answer') readStore.settle(message);
      else if (message.kind === 'checkpoint') readStore.learn(message);
      else if (message.kind === 'progress') {
        status = message.status;
        mirror = message.mirror;
        copyMetrics(message.samples);
      }
    },
    onFailure: (message) => readStore.failAll(message),
  });
  const readStore = createThreadReadStore({ postMessage: (message) => thread.post(message) });

  return {
    start: () => thread.start(),
    async stop() {
      await thread.stop();
      readStore.failAll('stopped');
    },
    status: () => status,
    mirror: data.withMirror ? mirrorSeenFrom(thread, 'projections', () => mirror) : undefined,
    readStore,
    // The thread posts no health of its own: running is healthy (the projections' lag is in `status`).
    health: () => healthSeenFrom(thread, 'projections', runningHealth),
  };
}
