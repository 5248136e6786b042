import { orderDecider, shipmentIdOf } from '@ecommerce/domain';
import type { DomainEvent, Order } from '@ecommerce/domain';
import { aggregateStream, asDeciderEvent } from '@ecommerce/platform';
import type { EventStore, RecordedEvent } from '@ecommerce/platform';
import type { OrderReturned } from '@ecommerce/schemas';
import { paymentInboxTopic, shipmentInboxTopic } from '../actors/lifecycle-messages';
import type { PaymentMessage, ShipmentMessage } from '../actors/lifecycle-messages';
import { inventoryInboxTopic, orderInboxTopic } from '../actors/messages';
import type { InventoryMessage, OrderMessage } from '../actors/messages';
import type { RoutedMessage } from '../runtime/router';

const toPayment = (message: PaymentMessage): RoutedMessage => ({ topic: paymentInboxTopic, key: message.paymentId, value: { ...message } });
const toShipment = (message: ShipmentMessage): RoutedMessage => ({ topic: shipmentInboxTopic, key: message.shipmentId, value: { ...message } });
const toOrder = (message: Exclude<OrderMessage, { type: 'TimerFired' }>): RoutedMessage => ({ topic: orderInboxTopic, key: message.orderId, value: { ...message } });
const toInventory = (message: InventoryMessage): RoutedMessage => ({ topic: inventoryInboxTopic, key: message.sku, value: { ...message } });

/**
 * The router's mapping after confirmation (issue #9): payments are executed and their captures and
 * refunds told to the order, the order's refund requests become refunds of its payment, a paid
 * order opens its shipment (cancelled with the order, told of a return), the shipment's steps move
 * the order, and a completed or returned order's stock is settled. Deterministic for a given event:
 * what it reads of the order stream is folded up to the event's own revision.
 */
export function createLifecycleRoute(options: { eventStore: EventStore }): (event: RecordedEvent) => Promise<RoutedMessage[]> {
  const { eventStore } = options;

  /** The order as it was at this event, or null when the stream says nothing (never for an order event). */
  async function orderAt(event: RecordedEvent): Promise<Order | null> {
    const { state } = await aggregateStream(eventStore, event.streamId, orderDecider, event.revision >= 0 ? { upToRevision: event.revision } : {});
    return state.status === 'absent' ? null : state;
  }

  async function openShipment(event: RecordedEvent): Promise<RoutedMessage[]> {
    const order = await orderAt(event);
    if (!order) return [];
    const lines = order.lines.map(({ sku, name, quantity }) => ({ sku, name, quantity }));
    // A null address is the shipment actor's to refuse: its dead letter names the order, and the router's partition goes on.
    const { orderId, customerId, shippingAddress: address } = order;
    return [toShipment({ type: 'OpenShipment', shipmentId: shipmentIdOf(orderId), orderId, customerId, lines, address })];
  }

  async function settleStock(event: RecordedEvent, returned: OrderReturned | null): Promise<RoutedMessage[]> {
    const order = await orderAt(event);
    if (!order) return [];
    const { orderId } = order;
    const commits = order.lines.map(({ sku }) => toInventory({ type: 'CommitStock', sku, orderId }));
    const restocked = (returned?.lines ?? []).filter((line) => line.restocked > 0);
    return [...commits, ...restocked.map(({ sku, restocked: quantity }) => toInventory({ type: 'ReturnStock', sku, orderId, quantity }))];
  }

  return async (event) => {
    const typed = asDeciderEvent<DomainEvent>(event);
    switch (typed.type) {
      case 'PaymentRequested':
        return [toPayment({ type: 'ExecutePayment', paymentId: typed.data.paymentId })];
      case 'PaymentRefundRequested': {
        const { paymentId, refundId } = typed.data;
        return [toPayment({ type: 'ExecuteRefund', paymentId, refundId })];
      }
      case 'OrderRefundRequested': {
        const { paymentId, refundId, amount, reason } = typed.data;
        return [toPayment({ type: 'RequestRefund', paymentId, refundId, amount, reason })];
      }
      case 'PaymentCaptured': {
        const { orderId, paymentId, amount } = typed.data;
        return [toOrder({ type: 'PaymentCaptured', orderId, paymentId, amount })];
      }
      case 'PaymentRefundSucceeded': {
        const { orderId, paymentId, refundId, amount } = typed.data;
        return [toOrder({ type: 'PaymentRefundSucceeded', orderId, paymentId, refundId, amount })];
      }
      case 'OrderPaid':
        return openShipment(event);
      case 'OrderCancelled': {
        // Only a paid order has a shipment; an unpaid one's stock is the ordering route's to release.
        const order = await orderAt(event);
        return order?.paymentId ? [toShipment({ type: 'CancelShipment', shipmentId: shipmentIdOf(order.orderId) })] : [];
      }
      case 'OrderReturnRequested': {
        const { orderId, lines, requestedAt } = typed.data;
        return [toShipment({ type: 'ExpectReturn', shipmentId: shipmentIdOf(orderId), lines, requestedAt })];
      }
      case 'ShipmentDispatched': {
        const { orderId, shipmentId, carrier, trackingNumber, dispatchedAt } = typed.data;
        return [toOrder({ type: 'ShipmentDispatched', orderId, shipmentId, carrier, trackingNumber, dispatchedAt })];
      }
      case 'ShipmentDelivered': {
        const { orderId, deliveredAt } = typed.data;
        return [toOrder({ type: 'ShipmentDelivered', orderId, deliveredAt })];
      }
      case 'ShipmentReturned': {
        const { orderId, lines, receivedAt } = typed.data;
        return [toOrder({ type: 'ShipmentReturned', orderId, lines, receivedAt })];
      }
      case 'OrderCompleted':
        return settleStock(event, null);
      case 'OrderReturned':
        return settleStock(event, typed.data);
      default:
        return [];
    }
  };
}
