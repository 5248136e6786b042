import { randomUUID } from 'node:crypto';
import { paymentDecider, paymentStreamId, refundedOf, refundIdOf, shipmentIdOf } from '@ecommerce/domain';
import type { Order } from '@ecommerce/domain';
import { createSandboxPaymentProvider } from '@ecommerce/platform';
import { inventoryOf, line, orderOf, placeOrder, restock, startProcessors, testSettings, useFlowEnvironment } from './flow.fixture';
import { decideAndAppend, orderStep, pay, paymentOf, shipmentOf, shipmentStep, typesOf } from './lifecycle.fixture';
import type { Processors, ProcessorsSettings } from './processors';
import { listDeadLetters } from './runtime/dead-letters';
import { logTargets, waitFor } from './runtime/test-support.fixture';

const now = () => new Date().toISOString();

for (const target of logTargets()) {
  describe(`order lifecycle after confirmation (${target.name})`, () => {
    let processors: Processors | undefined;
    const env = useFlowEnvironment(target, async () => {
      await processors?.stop();
      processors = undefined;
    });

    async function start(settings: Partial<ProcessorsSettings> = {}): Promise<void> {
      processors = startProcessors({ ...env, paymentProvider: createSandboxPaymentProvider() }, testSettings(settings));
      await processors.start();
    }

    const statusOf = async (orderId: string) => (await orderOf(env.eventStore, orderId)).status;

    async function confirmedOrder(lines = [line('LIFE-1', 2)]): Promise<Order> {
      for (const orderLine of lines) await restock(env.eventStore, orderLine.sku, 10);
      const orderId = await placeOrder(env.eventStore, 'customer-1', lines);
      await waitFor('the order confirmed', async () => (await statusOf(orderId)) === 'confirmed');
      return (await orderOf(env.eventStore, orderId)) as Order;
    }

    async function paidOrder(lines?: Parameters<typeof confirmedOrder>[0]): Promise<{ order: Order; paymentId: string }> {
      const order = await confirmedOrder(lines);
      const paymentId = await pay(env.eventStore, order, 'pm_card_visa');
      await waitFor('the order paid', async () => (await statusOf(order.orderId)) === 'paid');
      await waitFor('its shipment open', async () => (await shipmentOf(env.eventStore, shipmentIdOf(order.orderId))).status === 'open');
      return { order, paymentId };
    }

    async function delivered(orderId: string): Promise<void> {
      const shipmentId = shipmentIdOf(orderId);
      await shipmentStep(env.eventStore, shipmentId, { type: 'DispatchShipment', data: { shipmentId, carrier: 'DHL', trackingNumber: 'JD0146000065', dispatchedAt: now() } });
      await waitFor('the order shipped', async () => (await statusOf(orderId)) === 'shipped');
      await shipmentStep(env.eventStore, shipmentId, { type: 'DeliverShipment', data: { shipmentId, deliveredAt: now() } });
      await waitFor('the order delivered', async () => (await typesOf(env.eventStore, `order-${orderId}`)).includes('OrderDelivered'));
    }

    it('pays through the sandbox: pm_card_visa pays the order and opens its shipment; a declined card leaves it confirmed, and a retry pays it', async () => {
      await start();
      const { order, paymentId } = await paidOrder();
      expect(await paymentOf(env.eventStore, paymentId)).toMatchObject({ status: 'captured', captured: order.total.amount });
      expect((await orderOf(env.eventStore, order.orderId)) as Order).toMatchObject({ paymentId });
      expect(await shipmentOf(env.eventStore, shipmentIdOf(order.orderId))).toMatchObject({
        orderId: order.orderId,
        customerId: 'customer-1',
        lines: [{ sku: 'LIFE-1', name: 'Product LIFE-1', quantity: 2 }],
        address: { city: 'Paris', country: 'FR' },
      });

      const second = await confirmedOrder([line('LIFE-2')]);
      const declined = await pay(env.eventStore, second, 'pm_card_visa_chargeDeclined');
      await waitFor('the payment declined', async () => (await paymentOf(env.eventStore, declined)).status === 'declined');
      expect(await paymentOf(env.eventStore, declined)).toMatchObject({ declineCode: 'card_declined', captured: 0 });
      expect(await statusOf(second.orderId)).toBe('confirmed');
      expect((await shipmentOf(env.eventStore, shipmentIdOf(second.orderId))).status).toBe('absent');

      const retry = await pay(env.eventStore, second, 'pm_card_visa');
      await waitFor('the retry paid the order', async () => (await statusOf(second.orderId)) === 'paid');
      expect((await orderOf(env.eventStore, second.orderId)) as Order).toMatchObject({ paymentId: retry });
      expect(await listDeadLetters(env.log)).toHaveLength(0);
    }, 60_000);

    it('dispatch and delivery ship and deliver the order; with a tiny acceptance window it completes by itself and its stock is sold', async () => {
      await start({ returnWindowMs: 200, acceptanceWindowMs: 300 });
      const { order } = await paidOrder([line('ACCEPT-1', 3)]);
      expect((await inventoryOf(env.eventStore, 'ACCEPT-1')).reserved).toBe(3);
      await delivered(order.orderId);
      await waitFor('the order completed by its acceptance timer', async () => (await statusOf(order.orderId)) === 'completed');
      const types = await typesOf(env.eventStore, `order-${order.orderId}`);
      expect(types.slice(-5)).toEqual(['OrderPaid', 'OrderShipped', 'OrderDelivered', 'OrderTimerScheduled', 'OrderCompleted']);
      const completed = (await env.eventStore.readStream(`order-${order.orderId}`)).find((event) => event.type === 'OrderCompleted');
      expect(completed?.data).toMatchObject({ acceptedBy: 'deadline' });
      await waitFor('the held units sold', async () => (await inventoryOf(env.eventStore, 'ACCEPT-1')).sold === 3);
      const stock = await inventoryOf(env.eventStore, 'ACCEPT-1');
      expect(stock.reserved).toBe(0);
      expect(stock.received - stock.sold).toBe(7);
      expect(await listDeadLetters(env.log)).toHaveLength(0);
    }, 60_000);

    it('a return of one line, received back to stock: StockReturned, OrderReturned, the refund goes through the provider, the order is refunded', async () => {
      await start({ returnWindowMs: 60_000, acceptanceWindowMs: 60_000 });
      const { order, paymentId } = await paidOrder([line('RET-A', 2, 1500), line('RET-B', 1, 700)]);
      await delivered(order.orderId);
      await orderStep(env.eventStore, order.orderId, { type: 'RequestReturn', data: { orderId: order.orderId, lines: [{ sku: 'RET-A', quantity: 1 }], reason: 'too big', requestedAt: now() } });
      const shipmentId = shipmentIdOf(order.orderId);
      await waitFor('the shipment expects the return', async () => (await shipmentOf(env.eventStore, shipmentId)).status === 'return_requested');
      await shipmentStep(env.eventStore, shipmentId, { type: 'RecordReturn', data: { shipmentId, lines: [{ sku: 'RET-A', restocked: 1, damaged: 0 }], receivedAt: now() } });

      await waitFor('the order refunded', async () => (await statusOf(order.orderId)) === 'refunded');
      const refunded = (await orderOf(env.eventStore, order.orderId)) as Order;
      expect(refunded.refunds).toEqual({ [refundIdOf(paymentId, 'items_returned')]: { amount: 1500, currency: 'EUR' } });
      const payment = await paymentOf(env.eventStore, paymentId);
      expect(payment.status === 'captured' && refundedOf(payment)).toBe(1500);
      expect(await typesOf(env.eventStore, `payment-${paymentId}`)).toEqual(['PaymentRequested', 'PaymentCaptured', 'PaymentRefundRequested', 'PaymentRefundSucceeded']);

      await waitFor('the returned unit back on the shelf', async () => (await inventoryOf(env.eventStore, 'RET-A')).returned === 1);
      await waitFor('the kept line sold', async () => (await inventoryOf(env.eventStore, 'RET-B')).sold === 1);
      expect(await typesOf(env.eventStore, 'inventory-RET-A')).toEqual(['StockRestocked', 'StockReserved', 'StockCommitted', 'StockReturned']);
      const stockA = await inventoryOf(env.eventStore, 'RET-A');
      expect({ reserved: stockA.reserved, sold: stockA.sold, returned: stockA.returned }).toEqual({ reserved: 0, sold: 2, returned: 1 });
      expect(await listDeadLetters(env.log)).toHaveLength(0);
    }, 60_000);

    it("an admin's partial refund, appended beside the actor's own events, goes through the provider and is told to the order", async () => {
      await start();
      const { order, paymentId } = await paidOrder([line('ADMIN-1', 2, 1000)]);
      // The payment actor has this payment's state cached; the refund route appends to its stream directly.
      const refundId = randomUUID();
      await decideAndAppend(env.eventStore, paymentStreamId(paymentId), paymentDecider, {
        type: 'RefundPayment',
        data: { paymentId, refundId, amount: { amount: 500, currency: 'EUR' }, reason: 'goodwill', requestedAt: now() },
      });
      await waitFor('the refund recorded on the order', async () => Object.hasOwn(((await orderOf(env.eventStore, order.orderId)) as Order).refunds, refundId));
      const payment = await paymentOf(env.eventStore, paymentId);
      expect(payment.status === 'captured' && refundedOf(payment)).toBe(500);
      expect(await statusOf(order.orderId)).toBe('paid');
    }, 60_000);

    it('a payment captured after the order expired is refunded automatically', async () => {
      await start({ paymentWindowMs: 300 });
      const order = await confirmedOrder([line('LATE-1')]);
      await waitFor('the order expired', async () => (await statusOf(order.orderId)) === 'expired');
      // Started before the deadline, captured after it: the provider took the money anyway.
      const paymentId = await pay(env.eventStore, order, 'pm_card_visa');
      const refundId = refundIdOf(paymentId, 'late_payment');
      await waitFor('the late payment refunded', async () => Object.hasOwn(((await orderOf(env.eventStore, order.orderId)) as Order).refunds, refundId));
      const expired = (await orderOf(env.eventStore, order.orderId)) as Order;
      expect(expired).toMatchObject({ status: 'expired', paymentId: null, refunds: { [refundId]: order.total } });
      const payment = await paymentOf(env.eventStore, paymentId);
      expect(payment.status === 'captured' && refundedOf(payment)).toBe(order.total.amount);
      expect((await shipmentOf(env.eventStore, shipmentIdOf(order.orderId))).status).toBe('absent');
      await waitFor('its stock released', async () => (await inventoryOf(env.eventStore, 'LATE-1')).reserved === 0);
    }, 60_000);
  });
}
