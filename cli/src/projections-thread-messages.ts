import type { Settings } from '@ecommerce/platform';
import type { ProjectionsHost } from '@ecommerce/projections';
import type { MirrorProgress, RelayedSample } from './component-thread';
import type { CheckpointPush, ReadAnswer } from './thread-read-store';

/** What the projections thread starts from (structured-cloned into it). */
export interface ProjectionsThreadData {
  settings: Settings;
  logLevel: string;
  /** How often the thread posts its status and metrics. */
  relayEveryMs: number;
  /**
   * The mirror runs here too: beside the processors thread, the one that saturated, the mirror
   * held back the actors' catching up (bench/LOG.md, 2026-12-06).
   */
  withMirror: boolean;
  /** The main thread's produces wake the thread's consumers; this poll is for other processes' (the log's default when unset). */
  logPollIntervalMs?: number;
  /** The main thread's SQLite files: their checkpoints run here, off the thread that serves requests. */
  checkpointFiles: string[];
}

/** Thread → main thread, besides its start, stop and failure. */
export type ThreadMessage =
  | { kind: 'progress'; status: ReturnType<ProjectionsHost['status']>; mirror?: MirrorProgress; samples: RelayedSample[] }
  | ReadAnswer
  | CheckpointPush;
