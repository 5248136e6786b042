/**
 * Puts an order at a step of its lifecycle for tests that exercise one route: through the API
 * where a customer or admin would act, and through the deciders (handleCommand, as the
 * processors would) for what the processors do. The processors of the platform under test may
 * do the same steps too: every one of them is idempotent, so whoever comes second records nothing.
 */
import { handleCommand } from '@ecommerce/command-api';
import type { DeciderLike } from '@ecommerce/command-api';
import { aggregateStream, createSandboxPaymentProvider, randomId } from '@ecommerce/platform';
import {
  notificationsDecider, notificationStreamId, orderDecider, orderStreamId, paymentDecider, paymentStreamId, shipmentDecider, shipmentIdOf, shipmentStreamId,
} from '@ecommerce/domain';
import type { Order } from '@ecommerce/domain';
import type { PostalAddress } from '@ecommerce/schemas';
import { newProduct } from './harness';
import type { TestPlatform } from './harness';

export const rowAddress = (): PostalAddress => ({ recipient: 'Row Tester', line1: '1 Test Street', line2: null, city: 'Paris', region: null, postalCode: '75001', country: 'FR' });

const dayMs = 86_400_000;

export function lifecycleSteps(platform: TestPlatform) {
  const context = { eventStore: platform.eventStore, clock: () => new Date() };
  const now = () => new Date().toISOString();
  const decide = async <Command, Event extends { type: string; data: object }, State>(streamId: string, decider: DeciderLike<Command, Event, State>, command: Command) => {
    await handleCommand(context, { streamId, decider, commands: [command] });
  };
  const orderOf = async (orderId: string): Promise<Order> => {
    const { state } = await aggregateStream(platform.eventStore, orderStreamId(orderId), orderDecider);
    if (state.status === 'absent') throw new Error(`no order ${orderId}`);
    return state;
  };

  const steps = {
    orderOf,

    /** A confirmed order of `token`'s customer for a fresh product (stock never runs out), priced `price` per unit. */
    async confirmedOrder(token: string, quantity = 1, price = 10_000): Promise<string> {
      const product = await platform.request('POST', '/api/products', { body: newProduct({ initialStock: 2000, price: { amount: price, currency: 'EUR' } }) });
      const placed = await platform.request('POST', '/api/orders', { token, body: { lines: [{ productId: String(product.body.id), quantity }], shippingAddress: rowAddress() } });
      if (placed.status !== 202) throw new Error(`placing an order answered ${placed.status}: ${JSON.stringify(placed.body)}`);
      const orderId = String(placed.body.orderId);
      for (const line of (await orderOf(orderId)).lines) {
        await decide(orderStreamId(orderId), orderDecider, { type: 'RecordReservation', data: { orderId, sku: line.sku, outcome: 'reserved', now: now(), paymentWindowMs: 900_000 } });
      }
      return orderId;
    },

    /** The customer pays with `paymentMethod`: the payment is requested, nothing more. */
    async requestedPayment(token: string, orderId: string, paymentMethod = 'pm_card_visa'): Promise<string> {
      const paid = await platform.request('POST', `/api/orders/${orderId}/pay`, { token, body: { paymentMethod } });
      if (paid.status !== 202) throw new Error(`paying answered ${paid.status}: ${JSON.stringify(paid.body)}`);
      return String(paid.body.paymentId);
    },

    async capturedPayment(token: string, orderId: string): Promise<string> {
      const paymentId = await steps.requestedPayment(token, orderId);
      await decide(paymentStreamId(paymentId), paymentDecider, { type: 'RecordPaymentOutcome', data: { paymentId, at: now(), outcome: 'captured', providerPaymentId: null } });
      return paymentId;
    },

    /** Paid, and its shipment opened; the shipment's id. */
    async openShipment(token: string, quantity = 1): Promise<{ orderId: string; shipmentId: string; order: Order }> {
      const orderId = await steps.confirmedOrder(token, quantity);
      const paymentId = await steps.capturedPayment(token, orderId);
      const confirmed = await orderOf(orderId);
      await decide(orderStreamId(orderId), orderDecider, { type: 'MarkPaid', data: { orderId, paymentId, amount: confirmed.total } });
      const shipmentId = shipmentIdOf(orderId);
      const lines = confirmed.lines.map(({ sku, name, quantity: units }) => ({ sku, name, quantity: units }));
      await decide(shipmentStreamId(shipmentId), shipmentDecider, {
        type: 'OpenShipment', data: { shipmentId, orderId, customerId: confirmed.customerId, lines, address: confirmed.shippingAddress ?? rowAddress(), openedAt: now() },
      });
      return { orderId, shipmentId, order: await orderOf(orderId) };
    },

    async dispatched(token: string, quantity = 1) {
      const opened = await steps.openShipment(token, quantity);
      const { orderId, shipmentId } = opened;
      await decide(shipmentStreamId(shipmentId), shipmentDecider, { type: 'DispatchShipment', data: { shipmentId, carrier: 'La Poste', trackingNumber: 'LP-0001', dispatchedAt: now() } });
      await decide(orderStreamId(orderId), orderDecider, { type: 'MarkShipped', data: { orderId, shipmentId, carrier: 'La Poste', trackingNumber: 'LP-0001', shippedAt: now() } });
      return opened;
    },

    async delivered(token: string, quantity = 1) {
      const opened = await steps.dispatched(token, quantity);
      const { orderId, shipmentId } = opened;
      await decide(shipmentStreamId(shipmentId), shipmentDecider, { type: 'DeliverShipment', data: { shipmentId, deliveredAt: now() } });
      await decide(orderStreamId(orderId), orderDecider, { type: 'MarkDelivered', data: { orderId, deliveredAt: now(), returnWindowMs: 14 * dayMs, acceptanceWindowMs: 14 * dayMs } });
      return opened;
    },

    /** Delivered, and all of its one line asked back. */
    async returnRequested(token: string, quantity: number) {
      const opened = await steps.delivered(token, quantity);
      const { orderId, shipmentId, order } = opened;
      const lines = order.lines.map(({ sku, quantity: units }) => ({ sku, quantity: units }));
      await decide(orderStreamId(orderId), orderDecider, { type: 'RequestReturn', data: { orderId, lines, reason: 'rows', requestedAt: now() } });
      await decide(shipmentStreamId(shipmentId), shipmentDecider, { type: 'ExpectReturn', data: { shipmentId, lines, requestedAt: now() } });
      return opened;
    },

    /** An unread in-app message in the user's inbox; its id. */
    async inboxMessage(userId: string): Promise<string> {
      const notificationId = `${randomId()}:inApp`;
      await decide(notificationStreamId(userId), notificationsDecider, {
        type: 'QueueNotifications',
        data: { userId, queuedAt: now(), notifications: [{ notificationId, channel: 'inApp', kind: 'order_paid', sourceEventId: notificationId.split(':')[0] as string, recipient: null, subject: 'Paid', text: 'Your order is paid.' }] },
      });
      return notificationId;
    },
  };
  return steps;
}

/**
 * The platform's sandbox, as far as signatures go: the same default secret, so its references and
 * signed webhook deliveries are the platform's own (outcomes are a function of the inputs).
 */
export const sandboxTwin = createSandboxPaymentProvider();

/** The reference the sandbox gives a payment that requires the customer's action. */
export async function actionReference(paymentId: string, orderId: string, amount: number): Promise<string> {
  const outcome = await sandboxTwin.createPayment({
    paymentId, orderId, amount, currency: 'EUR', customerReference: 'rows', paymentMethod: { type: 'card', token: 'pm_card_authenticationRequired' }, returnUrl: 'http://127.0.0.1/',
  });
  if (outcome.status !== 'requires_action') throw new Error(`expected requires_action, got ${outcome.status}`);
  return outcome.providerReference;
}
