import { linesToRelease, orderDecider } from '@ecommerce/domain';
import type { DomainEvent } from '@ecommerce/domain';
import { aggregateStream, asDeciderEvent } from '@ecommerce/platform';
import type { EventStore, RecordedEvent } from '@ecommerce/platform';
import type { StockReleaseReason } from '@ecommerce/schemas';
import { inventoryInboxTopic, orderInboxTopic } from '../actors/messages';
import type { ReleaseStockMessage, ReserveStockMessage, StockReservationRejectedReply, StockReservedReply } from '../actors/messages';
import type { RoutedMessage } from '../runtime/router';

export interface OrderingRouteOptions {
  /** Read to learn which SKUs an ended order holds stock on. */
  eventStore: EventStore;
  /** How long a reservation may be held (from `placedAt`) before a sweeper may reclaim it. */
  reservationHoldMs: number;
}

const releaseReasons: Record<'OrderRejected' | 'OrderExpired' | 'OrderCancelled', StockReleaseReason> = {
  OrderRejected: 'order_rejected',
  OrderExpired: 'order_expired',
  OrderCancelled: 'order_cancelled',
};

const toInventory = (message: ReserveStockMessage | ReleaseStockMessage): RoutedMessage => ({ topic: inventoryInboxTopic, key: message.sku, value: { ...message } });
const toOrder = (message: StockReservedReply | StockReservationRejectedReply): RoutedMessage => ({ topic: orderInboxTopic, key: message.orderId, value: { ...message } });

/**
 * The router's mapping (issue #4): an order's lines to their SKUs' inventory actors, inventory's
 * answers back to the order, and an ended order's holds released. Deterministic for a given
 * event, as the router's message ids require: a redelivered event yields the same messages.
 */
export function createOrderingRoute(options: OrderingRouteOptions): (event: RecordedEvent) => Promise<RoutedMessage[]> {
  const { eventStore, reservationHoldMs } = options;

  /** The order as it was when it ended (folded up to the ending event, so a redelivery sees the same). */
  async function skusToRelease(event: RecordedEvent): Promise<string[]> {
    const { state } = await aggregateStream(eventStore, event.streamId, orderDecider, event.revision >= 0 ? { upToRevision: event.revision } : {});
    return linesToRelease(state);
  }

  return async (event) => {
    const typed = asDeciderEvent<DomainEvent>(event);
    switch (typed.type) {
      case 'OrderPlaced': {
        const { orderId, lines, placedAt } = typed.data;
        // An unreadable placedAt must not wedge the router's partition: fall back to when it was recorded.
        const placed = Date.parse(placedAt);
        const expiresAt = new Date((Number.isNaN(placed) ? event.recordedAt.getTime() : placed) + reservationHoldMs).toISOString();
        return lines.map((line) => toInventory({ type: 'ReserveStock', sku: line.sku, orderId, quantity: line.quantity, expiresAt }));
      }
      case 'StockReserved': {
        const { orderId, sku } = typed.data;
        return [toOrder({ type: 'StockReserved', orderId, sku })];
      }
      case 'StockReservationRejected': {
        const { orderId, sku, available } = typed.data;
        return [toOrder({ type: 'StockReservationRejected', orderId, sku, available })];
      }
      case 'OrderRejected':
      case 'OrderExpired':
      case 'OrderCancelled': {
        const { orderId } = typed.data;
        const reason = releaseReasons[typed.type];
        return (await skusToRelease(event)).map((sku) => toInventory({ type: 'ReleaseStock', sku, orderId, reason }));
      }
      default:
        return [];
    }
  };
}
