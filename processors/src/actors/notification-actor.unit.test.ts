import type { EventStore } from '@ecommerce/platform';
import { createNotificationActor } from './notification-actor';

describe('notification actor definition', () => {
  it('names the batch window its inbox consumer is given, none by default', () => {
    const eventStore = {} as EventStore;
    expect(createNotificationActor({ eventStore, senders: {}, batchWindowMs: 100 }).batchWindowMs).toBe(100);
    expect(createNotificationActor({ eventStore, senders: {} }).batchWindowMs ?? 0).toBe(0);
  });
});
