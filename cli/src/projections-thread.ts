import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { HealthResult, Logger, Metrics, ReadStore, Settings } from '@ecommerce/platform';
import type { ProjectionsHost } from '@ecommerce/projections';
import type { ProjectionsThreadData, RelayedSample, ThreadMessage } from './projections-thread-messages';
import { createThreadReadStore } from './thread-read-store';

export interface ProjectionsThread extends ProjectionsHost {
  health(): HealthResult;
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
  /** This thread's SQLite files whose WAL the projections thread copies back (`startCheckpoints`). */
  checkpointFiles?: readonly string[];
}

/** Counters arrive as totals: the main thread's counter grows by the difference since the last relay. */
function createMetricsCopier(metrics: Metrics) {
  const lastTotals = new Map<string, number>();
  return (samples: readonly RelayedSample[]) => {
    for (const { name, labels, value } of samples) {
      const defined = Object.fromEntries(Object.entries(labels).filter((entry): entry is [string, string | number] => entry[1] !== undefined));
      if (name === 'projection_lag_messages') {
        metrics.projectionLag.set(defined, value);
        continue;
      }
      const key = `${name}\u0000${JSON.stringify(defined)}`;
      const delta = value - (lastTotals.get(key) ?? 0);
      lastTotals.set(key, value);
      if (delta <= 0) continue;
      if (name === 'projection_events_applied_total') metrics.projectionApplied.inc(defined, delta);
      else if (name === 'dlq_messages_total') metrics.dlqMessages.inc(defined, delta);
    }
  };
}

/**
 * The projections host on a worker thread (`projections-thread-worker.ts`), seen from the main
 * thread as a `ProjectionsHost`. In the embedded `start` the projections, the HTTP side, the
 * mirror and the processors otherwise share one event loop, and so one core of the machine.
 */
export function createProjectionsThread(options: ProjectionsThreadOptions): ProjectionsThread {
  const { logger } = options;
  const copyMetrics = createMetricsCopier(options.metrics);
  let worker: Worker | undefined;
  let status: ReturnType<ProjectionsHost['status']> = [];
  let failure: string | undefined;
  let stopping = false;
  let exited: Promise<void> = Promise.resolve();
  const readStore = createThreadReadStore({
    postMessage: (message) => {
      if (!worker) throw new Error('the projections thread is not running');
      worker.postMessage(message);
    },
  });

  return {
    start() {
      const data: ProjectionsThreadData = {
        // the main thread's logger's level: a caller that silenced it silences the thread too
        settings: options.settings, logLevel: logger.level,
        relayEveryMs: options.relayEveryMs ?? 250, logPollIntervalMs: options.logPollIntervalMs, checkpointFiles: [...(options.checkpointFiles ?? [])],
      };
      // The sources are TypeScript: the thread registers tsx itself, as bin/ecommerce does for the process.
      const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(join(__dirname, 'projections-thread-worker.ts'))});`;
      const thread = new Worker(bootstrap, { eval: true, workerData: data });
      worker = thread;
      exited = new Promise((resolve) => thread.once('exit', () => resolve()));
      return new Promise<void>((resolve, reject) => {
        let started = false;
        const fail = (message: string) => {
          failure = message;
          readStore.failAll(message);
          if (!started) return reject(new Error(`the projections thread did not start: ${message}`));
          if (!stopping) logger.error({ reason: message }, 'the projections thread failed: projections stopped');
        };
        thread.on('message', (message: ThreadMessage) => {
          if (message.kind === 'read-answer') readStore.settle(message);
          else if (message.kind === 'checkpoint') readStore.learn(message);
          else if (message.kind === 'started') {
            started = true;
            resolve();
          } else if (message.kind === 'progress') {
            status = message.status;
            copyMetrics(message.samples);
          } else if (message.kind === 'failed') fail(message.message);
        });
        thread.on('error', (error) => fail(error.stack ?? error.message));
        thread.on('exit', (code) => {
          if (!stopping) fail(`exited with code ${code}`);
        });
      });
    },
    async stop() {
      const thread = worker;
      if (!thread) return;
      stopping = true;
      const stopped = new Promise<void>((resolve) => {
        thread.on('message', (message: ThreadMessage) => {
          if (message.kind === 'stopped' || message.kind === 'failed') resolve();
        });
        void exited.then(resolve);
      });
      thread.postMessage('stop');
      let timer: NodeJS.Timeout | undefined;
      const late = await Promise.race([stopped.then(() => false), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), options.stopTimeoutMs ?? 15_000)))]);
      clearTimeout(timer);
      if (late) logger.warn('the projections thread did not stop in time: terminated');
      await thread.terminate();
      await exited;
      readStore.failAll('stopped');
      worker = undefined;
    },
    status: () => status,
    readStore,
    health: () => (failure ? { ok: false, detail: `projections thread: ${failure.split('\n')[0] ?? failure}` } : { ok: worker !== undefined, detail: 'worker thread' }),
  };
}
