import type { EventStore, Log, Logger, Metrics, Serde, Settings } from '@ecommerce/platform';
import { createProcessors } from '@ecommerce/processors';
import type { Processors } from '@ecommerce/processors';
import { createNotificationSenders, createPaymentProvider, publicUrlOf } from './providers';
import type { NotificationSenders } from './providers';

/**
 * The notification inbox's batch window on Kafka, where each fetch and offset commit is a round
 * trip to the broker: socket writes were the processors' largest cost. Alternated at 100 orders/s,
 * 1-item placed→confirmed p99 and CPU an order fell with it; on the embedded log, whose rounds are
 * local reads, the same window lowered confirmed orders/s at 2,000 offered in four runs of five,
 * so it has none there (bench/LOG.md, "Since (2026-12-06, 23:00)").
 */
const kafkaNotificationBatchWindowMs = 100;

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
      notificationBatchWindowMs: settings.KAFKA_BROKERS ? kafkaNotificationBatchWindowMs : 0,
    },
  });
  return { processors, senders };
}
