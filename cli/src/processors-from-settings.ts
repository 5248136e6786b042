import type { EventStore, Log, Logger, Metrics, Serde, Settings } from '@ecommerce/platform';
import { createProcessors } from '@ecommerce/processors';
import type { Processors } from '@ecommerce/processors';
import { createNotificationSenders, createPaymentProvider, publicUrlOf } from './providers';
import type { NotificationSenders } from './providers';

/**
 * The processors as the settings configure them, with the notification senders they send through:
 * stop the processors (no send in flight) before closing the senders (an SMTP pool). The embedded
 * `start`'s processors thread and every other composition build them here.
 */
export function processorsFromSettings(
  settings: Settings,
  adapters: { eventStore: EventStore; log: Log; serde: Serde },
  logger: Logger,
  metrics: Metrics,
): { processors: Processors; senders: NotificationSenders } {
  const processorsLogger = logger.child({ component: 'processors' });
  const senders = createNotificationSenders(settings, processorsLogger);
  const processors = createProcessors({
    log: adapters.log, eventStore: adapters.eventStore, serde: adapters.serde, logger: processorsLogger, metrics,
    paymentProvider: createPaymentProvider(settings), senders,
    settings: {
      partitions: settings.PARTITIONS, routerUnits: settings.ROUTER_UNITS, paymentWindowMs: settings.PAYMENT_WINDOW_MS, returnWindowMs: settings.RETURN_WINDOW_MS, acceptanceWindowMs: settings.ACCEPTANCE_WINDOW_MS,
      cacheSize: settings.ACTOR_CACHE_SIZE, snapshotEvery: settings.SNAPSHOT_EVERY, publicUrl: publicUrlOf(settings),
    },
  });
  return { processors, senders };
}
