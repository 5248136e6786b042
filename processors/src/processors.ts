import { createLogEmailSender, createLogSmsSender, createSandboxPaymentProvider, platformTopics } from '@ecommerce/platform';
import type { ActorType, EventStore, Log, Logger, Metrics, PaymentProvider, RecordedEvent, Serde } from '@ecommerce/platform';
import { eventTopic } from '@ecommerce/schemas';
import type { EventType } from '@ecommerce/schemas';
import { createInventoryActor } from './actors/inventory-actor';
import { notificationActorType, paymentActorType, shipmentActorType } from './actors/lifecycle-messages';
import { inventoryActorType, orderActorType } from './actors/messages';
import { createNotificationActor } from './actors/notification-actor';
import type { NotificationSenders } from './actors/notification-actor';
import { createOrderActor } from './actors/order-actor';
import { createPaymentActor } from './actors/payment-actor';
import { createShipmentActor } from './actors/shipment-actor';
import { createLifecycleRoute } from './routing/lifecycle-route';
import { createNotificationRoute } from './routing/notification-route';
import { createOrderingRoute } from './routing/ordering-route';
import { orderTimerSpec } from './routing/order-timers';
import { createActorHost } from './runtime/actor-host';
import type { ActorHost } from './runtime/actor-host';
import type { AnyActorDefinition } from './runtime/actor';
import { inboxTopicOf, inboxTopicSpec } from './runtime/inbox';
import { createRouter } from './runtime/router';
import type { RoutedMessage, RouterDelivery } from './runtime/router';
import { ensureTimerCheckpointTopic } from './runtime/timer-checkpoint';
import { createTimerService } from './runtime/timer-service';

export interface ProcessorsSettings {
  partitions: number;
  /** The router's units of partitions (its `partitionUnits`); default `defaultRouterUnits`. */
  routerUnits?: number;
  /** How the router's messages reach the inboxes; default `defaultRouterDelivery`. */
  routerDelivery?: RouterDelivery;
  /** From confirmation to expiry of an unpaid order. */
  paymentWindowMs: number;
  /** From delivery to the end of the return window; default 14 days. */
  returnWindowMs?: number;
  /** From delivery until an order neither accepted nor returned completes by itself; default 14 days, never shorter than the return window. */
  acceptanceWindowMs?: number;
  /** Actor states kept in memory, per actor type. */
  cacheSize: number;
  /** A snapshot every this many events of an actor stream; 0: none. */
  snapshotEvery: number;
  /** How long a reservation is held from placement; default: the payment window plus 15 minutes. */
  reservationHoldMs?: number;
  /** Attempts of a retriable failure before the dead-letter topic; default 5. */
  maxAttempts?: number;
  /** First backoff between an actor's retries (jittered, doubling); default 50 ms. */
  retryBaseMs?: number;
  /** Timer service tick; default 100 ms. */
  timerTickMs?: number;
  /**
   * The notification inbox's batch window (`ConsumerOptions.batchWindowMs`): notices are off an
   * order's path, so a user's notices of that time may be queued in one append and their
   * fetches and commits shared. Default 0.
   */
  notificationBatchWindowMs?: number;
  /** Where a payment provider sends the customer back after a redirect: `<publicUrl>/api/orders/<orderId>`. Default http://localhost:8080. */
  publicUrl?: string;
}

export interface ProcessorsOptions {
  log: Log;
  eventStore: EventStore;
  serde: Serde;
  logger: Logger;
  metrics?: Metrics;
  settings: ProcessorsSettings;
  /** The payment actor's provider; default the sandbox. */
  paymentProvider?: PaymentProvider;
  /** The notification actor's email and SMS senders; default: both write to the log. */
  senders?: NotificationSenders;
}

export interface Processors {
  start(): Promise<void>;
  stop(): Promise<void>;
  health(): { ok: boolean; detail?: string };
}

const dayMs = 24 * 3_600_000;

/** Event types whose topics the router consumes: the contexts its routes read (DESIGN §5: one topic per context). */
const routedEventTypes: EventType[] = ['OrderPlaced', 'StockReserved', 'PaymentRequested', 'ShipmentOpened', 'NotificationQueued', 'UserRegistered'];

/** Every route's messages for one event, in a fixed order (the router's message ids are their indexes). */
const allRoutes =
  (routes: ReadonlyArray<(event: RecordedEvent) => Promise<RoutedMessage[]>>) =>
  async (event: RecordedEvent): Promise<RoutedMessage[]> => {
    const routed: RoutedMessage[] = [];
    for (const route of routes) routed.push(...(await route(event)));
    return routed;
  };

/** The router, one host per actor type and the timer service: the order lifecycle of DESIGN §6. */
export function createProcessors(options: ProcessorsOptions): Processors {
  const { log, eventStore, serde, logger, metrics, settings } = options;
  const returnWindowMs = settings.returnWindowMs ?? 14 * dayMs;
  const publicUrl = settings.publicUrl ?? 'http://localhost:8080';
  const provider = options.paymentProvider ?? createSandboxPaymentProvider();
  const senders = options.senders ?? { email: createLogEmailSender(logger), sms: createLogSmsSender(logger) };
  const actors: Array<AnyActorDefinition & { type: ActorType }> = [
    createInventoryActor(),
    createOrderActor({ paymentWindowMs: settings.paymentWindowMs, returnWindowMs, acceptanceWindowMs: settings.acceptanceWindowMs ?? 14 * dayMs }),
    createPaymentActor({ provider, returnUrlOf: (orderId) => new URL(`/api/orders/${encodeURIComponent(orderId)}`, publicUrl).toString() }),
    createShipmentActor(),
    createNotificationActor({ eventStore, senders, batchWindowMs: settings.notificationBatchWindowMs }),
  ];
  const hostOptions = { log, eventStore, metrics, cacheSize: settings.cacheSize, snapshotEvery: settings.snapshotEvery, maxAttempts: settings.maxAttempts ?? 5, retryBaseMs: settings.retryBaseMs, dlq: {} };
  const hosts: Array<{ type: string; host: ActorHost }> = actors.map((actor) => ({
    type: actor.type,
    host: createActorHost({ ...hostOptions, actor, groupId: `ecommerce-${actor.type}-actor`, inboxTopic: inboxTopicOf(actor.type), logger: logger.child({ component: `${actor.type}-actor` }) }),
  }));
  const router = createRouter({
    log,
    serde,
    metrics,
    groupId: 'ecommerce-router',
    transactionalId: 'ecommerce-router',
    partitionUnits: settings.routerUnits,
    delivery: settings.routerDelivery,
    topics: [...new Set(routedEventTypes.map(eventTopic))],
    route: allRoutes([
      createOrderingRoute({ eventStore, reservationHoldMs: settings.reservationHoldMs ?? settings.paymentWindowMs + 15 * 60_000 }),
      createLifecycleRoute({ eventStore }),
      createNotificationRoute({ eventStore }),
    ]),
    logger: logger.child({ component: 'router' }),
  });
  const timers = createTimerService({ eventStore, log, timers: [orderTimerSpec], name: 'orders', tickMs: settings.timerTickMs, logger: logger.child({ component: 'timers' }) });
  const started: Array<{ stop(): Promise<void> }> = [];
  let state: 'idle' | 'running' | 'stopped' = 'idle';

  return {
    async start() {
      await log.ensureTopics([
        ...platformTopics(settings.partitions),
        ...[inventoryActorType, orderActorType, paymentActorType, shipmentActorType, notificationActorType].map((type) => inboxTopicSpec(type, settings.partitions)),
      ]);
      await ensureTimerCheckpointTopic(log);
      try {
        // Consumers of the inboxes first, then what writes them.
        for (const part of [...hosts.map(({ host }) => host), router, timers]) {
          await part.start();
          started.push(part);
        }
      } catch (error) {
        await this.stop();
        throw error;
      }
      state = 'running';
      logger.info(
        { partitions: settings.partitions, paymentWindowMs: settings.paymentWindowMs, returnWindowMs, provider: provider.name, actors: hosts.map(({ type }) => type) },
        'processors running: router, inventory, order, payment, shipment and notification actors, timers',
      );
    },
    async stop() {
      for (const part of started.splice(0).reverse()) {
        await part.stop().catch((error: unknown) => logger.warn({ err: error }, 'a processor did not stop cleanly'));
      }
      state = 'stopped';
    },
    health: () =>
      state === 'running'
        ? { ok: true, detail: `cached states: ${hosts.map(({ type, host }) => `${type} ${host.cachedStates()}`).join(', ')}; ${timers.isActive() ? `timers active, ${timers.pendingTimers()} pending` : 'timers on standby'}` }
        : { ok: false, detail: `processors ${state}` },
  };
}
