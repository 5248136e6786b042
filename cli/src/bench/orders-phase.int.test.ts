import { openSqliteEventStore } from '@ecommerce/platform';
import type { OrderOutcome } from './orders-phase-figures';
import { followOutcomes } from './orders-phase';
import { appendOne as append, withTestEventStore } from './event-store.fixture';
import { withTempDir } from './temp-dir';

describe('followOutcomes', () => {
  it("answers an order's confirmation or rejection as `$all` records it, with the times of its placement and last reservation", () =>
    withTestEventStore(async (eventStore) => {
      await append(eventStore, 'order-before', 'OrderPlaced');
      const outcomes = new Map<string, OrderOutcome>();
      const follower = followOutcomes(eventStore, outcomes, await eventStore.headPosition());
      try {
        const confirmed = follower.answered('a');
        const rejected = follower.answered('b');
        await append(eventStore, 'order-a', 'OrderPlaced');
        await append(eventStore, 'order-b', 'OrderPlaced');
        await append(eventStore, 'inventory-sku-1', 'StockReserved', { orderId: 'a' });
        await append(eventStore, 'inventory-sku-2', 'StockReserved', { orderId: 'a' });
        await append(eventStore, 'order-b', 'OrderRejected');
        await expect(rejected).resolves.toBe(false);
        await append(eventStore, 'order-a', 'OrderConfirmed');
        await expect(confirmed).resolves.toBe(true);

        const [placed, , , lastReserved, answered] = await eventStore.readAll({ after: 1 });
        expect(outcomes.get('a')).toEqual({ placedAt: placed?.recordedAt.getTime(), reservedAt: lastReserved?.recordedAt.getTime(), answeredAt: (await eventStore.readStream('order-a')).at(-1)?.recordedAt.getTime(), confirmed: true });
        expect(outcomes.get('b')).toMatchObject({ confirmed: false, answeredAt: answered?.recordedAt.getTime() });
        // an order answered already is answered at once; one placed before the start is not followed
        await expect(follower.answered('a')).resolves.toBe(true);
        await append(eventStore, 'order-before', 'OrderConfirmed');
        const neverAnswered = follower.answered('never');
        await follower.stop();
        expect(outcomes.has('before')).toBe(false);
        // a watch still waiting when following stops is let go
        await expect(neverAnswered).resolves.toBeUndefined();
        expect(follower.failure()).toBeUndefined();
      } finally {
        await follower.stop();
      }
    }));

  it('says why it stopped when the event store fails', () =>
    withTempDir('phase-test', async (dir) => {
      const eventStore = openSqliteEventStore(`${dir}/events.db`);
      const follower = followOutcomes(eventStore, new Map(), 0);
      await eventStore.close();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(follower.failure()).toMatch(/^following \$all failed: /);
      await follower.stop();
    }));
});
