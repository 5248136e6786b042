import { watchStreams } from './lifecycle-watch';
import { appendOne as append, withTestEventStore } from './event-store.fixture';

describe('watchStreams', () => {
  it('gives the recorded time of an event appended before or after the wait, from the head on', () =>
    withTestEventStore(async (eventStore) => {
      await append(eventStore, 'order-1', 'OrderPlaced');
      const watch = await watchStreams(eventStore, ['order-']);
      try {
        const placed = await append(eventStore, 'order-2', 'OrderPlaced').then(() => watch.recorded('order-2', ['OrderPlaced'], 2000));
        const [stored] = await eventStore.readStream('order-2');
        expect(placed).toEqual({ type: 'OrderPlaced', at: stored?.recordedAt.getTime() });
        const answer = watch.recorded('order-2', ['OrderConfirmed', 'OrderRejected'], 2000);
        await append(eventStore, 'order-2', 'OrderRejected');
        await expect(answer).resolves.toMatchObject({ type: 'OrderRejected' });
        // before the head: not seen
        await expect(watch.recorded('order-1', ['OrderPlaced'], 50)).rejects.toThrow('no OrderPlaced on order-1 after 50 ms');
      } finally {
        await watch.stop();
      }
    }));

  it('keeps only the streams it was asked to', () =>
    withTestEventStore(async (eventStore) => {
      const watch = await watchStreams(eventStore, ['order-']);
      try {
        await append(eventStore, 'payment-1', 'PaymentRequested');
        await append(eventStore, 'order-3', 'OrderPlaced');
        await watch.recorded('order-3', ['OrderPlaced'], 2000);
        await expect(watch.recorded('payment-1', ['PaymentRequested'], 50)).rejects.toThrow('after 50 ms');
      } finally {
        await watch.stop();
      }
    }));
});
