import { createMirror } from '@ecommerce/command-api';
import type { Mirror } from '@ecommerce/command-api';
import type { EventStore, Log, Logger, Metrics, Serde, Settings } from '@ecommerce/platform';

/**
 * The mirror as the settings configure it, started: on the main thread, the processors thread or
 * the projections thread of an embedded `start`, and in the distributed `mirror` process alike.
 */
export async function startMirrorFromSettings(
  settings: Settings,
  adapters: { eventStore: EventStore; log: Log; serde: Serde },
  logger: Logger,
  metrics: Metrics,
): Promise<Mirror> {
  const mirror = createMirror({ eventStore: adapters.eventStore, log: adapters.log, serde: adapters.serde, logger, metrics, partitions: settings.PARTITIONS });
  await mirror.start();
  return mirror;
}
