import type { Settings } from '@ecommerce/platform';
import type { ProjectionsHost } from '@ecommerce/projections';
import type { CheckpointPush, ReadAnswer } from './thread-read-store';

/** What the projections thread starts from (structured-cloned into it). */
export interface ProjectionsThreadData {
  settings: Settings;
  logLevel: string;
  /** How often the thread posts its status and metrics. */
  relayEveryMs: number;
  /** The main thread's produces wake the thread's consumers; this poll is for other processes' (the log's default when unset). */
  logPollIntervalMs?: number;
  /** The main thread's SQLite files: their checkpoints run here, off the thread that serves requests. */
  checkpointFiles: string[];
}

export interface RelayedSample {
  name: string;
  labels: Record<string, string | number | undefined>;
  value: number;
}

/** Thread → main thread. */
export type ThreadMessage =
  | { kind: 'started' }
  | { kind: 'progress'; status: ReturnType<ProjectionsHost['status']>; samples: RelayedSample[] }
  | { kind: 'stopped' }
  | { kind: 'failed'; message: string }
  | ReadAnswer
  | CheckpointPush;

/** The projections' metrics, served by the main thread's /metrics. */
export const relayedMetricNames: ReadonlySet<string> = new Set(['projection_events_applied_total', 'projection_lag_messages', 'dlq_messages_total']);
