import type { HealthResult, Settings } from '@ecommerce/platform';
import type { MirrorProgress, RelayedSample } from './component-thread';

/** What the processors thread starts from (structured-cloned into it). */
export interface ProcessorsThreadData {
  settings: Settings;
  logLevel: string;
  /** How often the thread posts its health, the mirror's checkpoint and its metrics. */
  relayEveryMs: number;
  /** The mirror runs here too (else on the projections thread, or the main thread). */
  withMirror: boolean;
  /** Its SQLite files' WAL is copied back by the projections thread (`startCheckpoints`), not by its own commits. */
  checkpointElsewhere: boolean;
  /** The main thread's appends and produces wake the thread's subscriptions and consumers; these polls are for other processes' (the adapters' defaults when unset). */
  eventStorePollIntervalMs?: number;
  logPollIntervalMs?: number;
}

/** Thread → main thread, besides its start, stop and failure. */
export type ProcessorsThreadMessage = { kind: 'progress'; mirror?: MirrorProgress; processors: HealthResult; samples: RelayedSample[] };
