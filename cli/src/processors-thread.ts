import { join } from 'node:path';
import type { HealthResult, Logger, Metrics, Settings } from '@ecommerce/platform';
import type { Mirror } from '@ecommerce/command-api';
import { createComponentThread, createMetricsCopier, healthSeenFrom, mirrorSeenFrom } from './component-thread';
import type { ProcessorsThreadData, ProcessorsThreadMessage } from './processors-thread-messages';

export interface ProcessorsThread {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The mirror as seen from this thread, when it runs on the processors thread (`withMirror`): its checkpoint and health as the thread last posted them. */
  mirror?: Pick<Mirror, 'checkpoint' | 'health'>;
  health(): HealthResult;
}

export interface ProcessorsThreadOptions {
  settings: Settings;
  logger: Logger;
  /** The main thread's metrics: the thread's mirror and processor metrics are copied into them. */
  metrics: Metrics;
  relayEveryMs?: number;
  stopTimeoutMs?: number;
  /** The projections thread copies back the WAL of the SQLite files, this thread's commits do not. */
  checkpointElsewhere?: boolean;
  /** The mirror runs on this thread too (the default); else it runs elsewhere. */
  withMirror?: boolean;
  /** Fallback polls for other processes' appends and produces: this process's wake the thread at once. */
  eventStorePollIntervalMs?: number;
  logPollIntervalMs?: number;
}

/**
 * The processors, and the mirror unless it runs elsewhere, on a worker thread
 * (`processors-thread-worker.ts`). In the embedded `start` they otherwise share the event loop of
 * the HTTP side and the command API, which they held back at saturation (bench/LOG.md).
 */
export function createProcessorsThread(options: ProcessorsThreadOptions): ProcessorsThread {
  const { logger } = options;
  const copyMetrics = createMetricsCopier(options.metrics);
  let progress: Omit<ProcessorsThreadMessage, 'kind' | 'samples'> | undefined;
  const data: ProcessorsThreadData = {
    settings: options.settings, logLevel: logger.level, relayEveryMs: options.relayEveryMs ?? 250, withMirror: options.withMirror ?? true, checkpointElsewhere: options.checkpointElsewhere ?? false,
    eventStorePollIntervalMs: options.eventStorePollIntervalMs, logPollIntervalMs: options.logPollIntervalMs,
  };
  const thread = createComponentThread<ProcessorsThreadMessage>({
    name: 'processors', workerFile: join(__dirname, 'processors-thread-worker.ts'), workerData: data, logger, stopTimeoutMs: options.stopTimeoutMs,
    onMessage: ({ samples, ...rest }) => {
      progress = rest;
      copyMetrics(samples);
    },
  });
  return {
    start: () => thread.start(),
    stop: () => thread.stop(),
    mirror: data.withMirror ? mirrorSeenFrom(thread, 'processors', () => progress?.mirror) : undefined,
    health: () => healthSeenFrom(thread, 'processors', progress?.processors),
  };
}
