import type { EventStore, Log, Logger, Metrics, Serde, Settings } from '@ecommerce/platform';
import { createProcessors } from '@ecommerce/processors';
import type { Processors } from '@ecommerce/processors';
import { createNotificationSenders, createPaymentProvider, publicUrlOf } from './providers';
import type { NotificationSenders } from './providers';

/**
 * The notification inbox's batch window: on Kafka, where each fetch and offset commit is a round
 * trip to the broker (socket writes and kafkajs were 15 % each of the processors process's
 * profile), 300 ms. Alternated at 100 orders/s, 100 ms against none: placed→confirmed p99 18 %
 * lower (1-item), CPU an order unchanged; 300 ms against 100: p99 22 % lower (1-item), POST →
 * visible p99 1.0 s against 1.8 s, CPU an order 5 % lower. None on the embedded log, whose
 * rounds are local reads: there a 100 ms window lowered confirmed orders/s at 2,000 offered in
 * four runs of five (bench/LOG.md, "Since (2026-12-06, 23:00)").
 */
export const notificationBatchWindowOf = (settings: Pick<Settings, 'KAFKA_BROKERS'>): number => (settings.KAFKA_BROKERS ? 300 : 0);

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
      partitions: settings.PARTITIONS, routerUnits: settings.ROUTER_UNITS, routerDelivery: settings.ROUTER_DELIVERY, paymentWindowMs: settings.PAYMENT_WINDOW_MS, returnWindowMs: settings.RETURN_WINDOW_MS, acceptanceWindowMs: settings.ACCEPTANCE_WINDOW_MS,
      cacheSize: settings.ACTOR_CACHE_SIZE, snapshotEvery: settings.SNAPSHOT_EVERY, publicUrl: publicUrlOf(settings),
      notificationBatchWindowMs: notificationBatchWindowOf(settings),
    },
  });
  return { processors, senders };
}
