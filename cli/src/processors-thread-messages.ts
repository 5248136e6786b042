import type { HealthResult, Settings } from '@ecommerce/platform';
import type { RelayedSample } from './component-thread';

/** What the processors thread starts from (structured-cloned into it). */
export interface ProcessorsThreadData {
  settings: Settings;
  logLevel: string;
  /** How often the thread posts its health, the mirror's checkpoint and its metrics. */
  relayEveryMs: number;
  /** Its SQLite files' WAL is copied back by the projections thread (`startCheckpoints`), not by its own commits. */
  checkpointElsewhere: boolean;
  /** The main thread's appends and produces wake the thread's subscriptions and consumers; these polls are for other processes' (the adapters' defaults when unset). */
  eventStorePollIntervalMs?: number;
  logPollIntervalMs?: number;
}

/** Thread → main thread, besides its start, stop and failure. */
export type ProcessorsThreadMessage = { kind: 'progress'; mirrorCheckpoint: number; mirror: HealthResult; processors: HealthResult; samples: RelayedSample[] };
