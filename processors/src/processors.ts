import { platformTopics } from '@ecommerce/platform';
import type { EventStore, Log, Logger, Metrics, Serde } from '@ecommerce/platform';
import { eventTopic } from '@ecommerce/schemas';
import { createInventoryActor } from './actors/inventory-actor';
import { inventoryActorType, orderActorType } from './actors/messages';
import { createOrderActor } from './actors/order-actor';
import { createOrderingRoute } from './routing/ordering-route';
import { orderTimerSpec } from './routing/order-timers';
import { createActorHost } from './runtime/actor-host';
import type { ActorHost } from './runtime/actor-host';
import { inboxTopicOf, inboxTopicSpec } from './runtime/inbox';
import { createRouter } from './runtime/router';
import { ensureTimerCheckpointTopic } from './runtime/timer-checkpoint';
import { createTimerService } from './runtime/timer-service';

export interface ProcessorsSettings {
  partitions: number;
  /** From confirmation to expiry of an unpaid order. */
  paymentWindowMs: number;
  /** Actor states kept in memory, per actor type. */
  cacheSize: number;
  /** A snapshot every this many events of an actor stream; 0: none. */
  snapshotEvery: number;
  /** How long a reservation is held from placement; default: the payment window plus 15 minutes. */
  reservationHoldMs?: number;
  /** Attempts of a retriable failure before the dead-letter topic; default 5. */
  maxAttempts?: number;
  /** Timer service tick; default 100 ms. */
  timerTickMs?: number;
}

export interface ProcessorsOptions {
  log: Log;
  eventStore: EventStore;
  serde: Serde;
  logger: Logger;
  metrics?: Metrics;
  settings: ProcessorsSettings;
}

export interface Processors {
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): { ok: boolean; detail?: string };
}

/** The router, one host per actor type and the timer service, wired for issue #4's flow. */
export function createProcessors(options: ProcessorsOptions): Processors {
  const { log, eventStore, serde, logger, metrics, settings } = options;
  const hostOptions = { log, eventStore, metrics, cacheSize: settings.cacheSize, snapshotEvery: settings.snapshotEvery, maxAttempts: settings.maxAttempts ?? 5, dlq: {} };
  const hosts: ActorHost[] = [
    createActorHost({ ...hostOptions, actor: createInventoryActor(), groupId: 'ecommerce-inventory-actor', inboxTopic: inboxTopicOf(inventoryActorType), logger: logger.child({ component: 'inventory-actor' }) }),
    createActorHost({ ...hostOptions, actor: createOrderActor({ paymentWindowMs: settings.paymentWindowMs }), groupId: 'ecommerce-order-actor', inboxTopic: inboxTopicOf(orderActorType), logger: logger.child({ component: 'order-actor' }) }),
  ];
  const router = createRouter({
    log,
    serde,
    metrics,
    groupId: 'ecommerce-router',
    transactionalId: 'ecommerce-router',
    topics: [eventTopic('OrderPlaced'), eventTopic('StockReserved')],
    route: createOrderingRoute({ eventStore, reservationHoldMs: settings.reservationHoldMs ?? settings.paymentWindowMs + 15 * 60_000 }),
    logger: logger.child({ component: 'router' }),
  });
  const timers = createTimerService({ eventStore, log, timers: [orderTimerSpec], name: 'orders', tickMs: settings.timerTickMs, logger: logger.child({ component: 'timers' }) });
  const started: Array<{ stop(): Promise<void> }> = [];
  let state: 'idle' | 'running' | 'stopped' = 'idle';

  return {
    async start() {
      await log.ensureTopics([
        ...platformTopics(settings.partitions),
        inboxTopicSpec(inventoryActorType, settings.partitions),
        inboxTopicSpec(orderActorType, settings.partitions),
      ]);
      await ensureTimerCheckpointTopic(log);
      try {
        // Consumers of the inboxes first, then what writes them.
        for (const part of [...hosts, router, timers]) {
          await part.start();
          started.push(part);
        }
      } catch (error) {
        await this.stop();
        throw error;
      }
      state = 'running';
      logger.info({ partitions: settings.partitions, paymentWindowMs: settings.paymentWindowMs }, 'processors running: router, inventory and order actors, timers');
    },
    async stop() {
      for (const part of started.splice(0).reverse()) {
        await part.stop().catch((error: unknown) => logger.warn({ err: error }, 'a processor did not stop cleanly'));
      }
      state = 'stopped';
    },
    health: () =>
      state === 'running'
        ? { ok: true, detail: `cached states: inventory ${hosts[0]?.cachedStates() ?? 0}, order ${hosts[1]?.cachedStates() ?? 0}; pending timers ${timers.pendingTimers()}` }
        : { ok: false, detail: `processors ${state}` },
  };
}
