import { randomUUID } from 'node:crypto';
import { availableOf, satisfiesStockInvariant } from '@ecommerce/domain';
import type { Order } from '@ecommerce/domain';
import { orderInboxTopic } from './actors/messages';
import { inventoryOf, line, orderOf, placeOrder, restock, startProcessors, statusesOf, testSettings, useFlowEnvironment } from './flow.fixture';
import { messageIdHeader } from './runtime/actor-host';
import { listDeadLetters } from './runtime/dead-letters';
import { encodeInboxMessage } from './runtime/inbox';
import { logTargets, waitFor } from './runtime/test-support.fixture';

const hot = 'HOT-1';
const shared = ['SHARED-A', 'SHARED-B', 'SHARED-C'];

/** Every order's lines: one hot unit each; every 3rd, 5th and 7th order also takes a shared SKU. */
const linesOf = (index: number) => [
  line(hot),
  ...shared.filter((_, n) => index % [3, 5, 7][n]! === 0).map((sku, n) => line(sku, n + 1)),
];

for (const target of logTargets()) {
  describe(`processors: inventory and order actors (${target.name})`, () => {
    const env = useFlowEnvironment(target);

    it('no oversell: 500 concurrent orders from 50 customers for 37 hot units reserve exactly 37, reject the rest, leak no hold', async () => {
      await restock(env.eventStore, hot, 37);
      for (const sku of shared) await restock(env.eventStore, sku, 5000);
      const processors = startProcessors(env, testSettings());
      await processors.start();
      const started = Date.now();
      try {
        const orderIds = await Promise.all(Array.from({ length: 500 }, (_, index) => placeOrder(env.eventStore, `customer-${index % 50}`, linesOf(index))));
        await waitFor('every order confirmed or rejected', async () => [...(await statusesOf(env.eventStore, orderIds)).values()].every((status) => status === 'confirmed' || status === 'rejected'), 55_000);
        const elapsed = Date.now() - started;
        console.info(`${target.name}: 500 orders (${orderIds.length} placed) answered in ${elapsed} ms, ${Math.round(500_000 / elapsed)} orders/s`);
        expect(processors.health().ok).toBe(true);

        const orders = (await Promise.all(orderIds.map((orderId) => orderOf(env.eventStore, orderId)))) as Order[];
        const confirmed = orders.filter((order) => order.status === 'confirmed');
        expect(confirmed).toHaveLength(37);
        expect(orders.filter((order) => order.status === 'rejected')).toHaveLength(463);
        expect(confirmed.every((order) => order.paymentDeadline !== null)).toBe(true);

        // Releases of rejected orders may still be in flight: wait until every hold left belongs to a confirmed order.
        const heldBy = (sku: string) => confirmed.flatMap((order) => order.lines.filter((orderLine) => orderLine.sku === sku)).reduce((sum, orderLine) => sum + orderLine.quantity, 0);
        await waitFor('rejected orders released', async () => {
          for (const sku of shared) if ((await inventoryOf(env.eventStore, sku)).reserved !== heldBy(sku)) return false;
          return true;
        }, 30_000);
        const hotStock = await inventoryOf(env.eventStore, hot);
        expect(hotStock.reserved).toBe(37);
        expect(availableOf(hotStock)).toBe(0);
        for (const sku of [hot, ...shared]) {
          const stock = await inventoryOf(env.eventStore, sku);
          expect(satisfiesStockInvariant(stock)).toBe(true);
          expect(stock.reserved).toBe(heldBy(sku));
          expect([...stock.reservations.keys()].sort()).toEqual(confirmed.filter((order) => order.lines.some((orderLine) => orderLine.sku === sku)).map((order) => order.orderId).sort());
        }
        expect(await listDeadLetters(env.log)).toHaveLength(0);
      } finally {
        await processors.stop();
      }
    }, 90_000);

    it('expiry: unpaid confirmed orders expire after the payment window, across a restart, and their stock returns', async () => {
      const sku = 'EXPIRE-1';
      await restock(env.eventStore, sku, 10);
      const settings = testSettings({ paymentWindowMs: 1500 });
      const first = startProcessors(env, settings);
      await first.start();
      const orderIds = await Promise.all(Array.from({ length: 14 }, (_, index) => placeOrder(env.eventStore, `customer-${index}`, [line(sku)])));
      try {
        await waitFor('10 confirmed, 4 rejected', async () => {
          const statuses = [...(await statusesOf(env.eventStore, orderIds)).values()];
          return statuses.filter((status) => status === 'confirmed').length === 10 && statuses.filter((status) => status === 'rejected').length === 4;
        });
      } finally {
        await first.stop();
      }
      expect((await inventoryOf(env.eventStore, sku)).reserved).toBe(10);

      // The payment deadlines pass while no processor runs: the durable timers fire after the restart.
      const second = startProcessors(env, settings);
      await second.start();
      try {
        await waitFor('confirmed orders expired', async () => [...(await statusesOf(env.eventStore, orderIds)).values()].filter((status) => status === 'expired').length === 10, 30_000);
        await waitFor('stock released', async () => (await inventoryOf(env.eventStore, sku)).reserved === 0, 30_000);
        const stock = await inventoryOf(env.eventStore, sku);
        expect(availableOf(stock)).toBe(10);
        expect([...stock.settledOrders.values()].filter((how) => how === 'released')).toHaveLength(10);

        // The stock that came back is for sale again.
        const late = await placeOrder(env.eventStore, 'late-customer', [line(sku, 3)]);
        await waitFor('the late order confirmed', async () => (await orderOf(env.eventStore, late)).status === 'confirmed');
      } finally {
        await second.stop();
      }
    }, 60_000);

    it('poison: a corrupt inbox message goes to the DLQ while other orders go on, and a payment marks an order paid', async () => {
      const sku = 'POISON-1';
      await restock(env.eventStore, sku, 100);
      const processors = startProcessors(env, testSettings());
      await processors.start();
      const producer = env.log.createProducer();
      try {
        const before = await placeOrder(env.eventStore, 'customer-1', [line(sku, 2)]);
        await waitFor('the first order confirmed', async () => (await orderOf(env.eventStore, before)).status === 'confirmed');
        await producer.send([
          { topic: orderInboxTopic, key: before, value: Buffer.from('{ corrupt'), headers: { [messageIdHeader]: randomUUID() } },
          { topic: orderInboxTopic, key: before, value: encodeInboxMessage({ type: 'StockReserved', orderId: before }), headers: { [messageIdHeader]: randomUUID() } },
        ]);
        const after = await Promise.all(Array.from({ length: 5 }, (_, index) => placeOrder(env.eventStore, `customer-${index}`, [line(sku)])));
        await waitFor('two dead letters', async () => (await listDeadLetters(env.log)).length >= 2);
        await waitFor('later orders confirmed', async () => [...(await statusesOf(env.eventStore, after)).values()].every((status) => status === 'confirmed'));
        const letters = await listDeadLetters(env.log);
        expect(letters.map((letter) => letter.reason).sort()).toEqual([expect.stringMatching(/StockReserved: sku must be a non-empty string/), expect.stringMatching(/not JSON/)]);
        expect(letters.find((letter) => /not JSON/.test(letter.reason))?.value?.toString()).toBe('{ corrupt');

        // Same key, after the poison: still served.
        const order = (await orderOf(env.eventStore, before)) as Order;
        await producer.send([{ topic: orderInboxTopic, key: before, value: encodeInboxMessage({ type: 'PaymentCaptured', orderId: before, paymentId: 'pay-1', amount: order.total }), headers: { [messageIdHeader]: randomUUID() } }]);
        await waitFor('the order paid', async () => (await orderOf(env.eventStore, before)).status === 'paid');
        // Paid orders keep their hold until delivery commits it.
        expect((await inventoryOf(env.eventStore, sku)).reservations.get(before)?.quantity).toBe(2);
      } finally {
        await producer.close();
        await processors.stop();
      }
    }, 60_000);
  });
}
