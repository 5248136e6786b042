/** `$all` subscription semantics of the event store contract. */
import { createTestEvent, createTestEvents, newStreamId, sleep, waitFor } from './contract-helpers';
import type { EventStore, RecordedEvent } from './port';

const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

export function describeSubscription(store: () => EventStore): void {
  describe('subscribeToAll', () => {
    it('catches up from a checkpoint, reports it, follows live appends, and stops', async () => {
      const streamId = newStreamId();
      const existing = createTestEvents(3);
      await store().append(streamId, existing, { expectedRevision: 'no_stream' });
      const checkpoint = (await store().readStream(streamId))[0]!.position;

      const received: RecordedEvent[] = [];
      let receivedAtCaughtUp: number | undefined;
      let caughtUpCalls = 0;
      const errors: Error[] = [];
      const subscription = store().subscribeToAll({
        after: checkpoint,
        onEvent: (event) => {
          if (event.streamId === streamId) received.push(event);
        },
        onCaughtUp: () => {
          caughtUpCalls += 1;
          receivedAtCaughtUp ??= received.length;
        },
        onError: (error) => errors.push(error),
      });
      try {
        await waitFor(() => receivedAtCaughtUp !== undefined, 'onCaughtUp');
        expect(receivedAtCaughtUp).toBe(2);
        expect(ids(received)).toEqual(ids(existing.slice(1)));

        const live = createTestEvents(2);
        await store().append(streamId, live, { expectedRevision: 2 });
        await waitFor(() => received.length === 4, 'the live events');
        expect(ids(received)).toEqual(ids([...existing.slice(1), ...live]));
        expect(received.map((event) => event.revision)).toEqual([1, 2, 3, 4]);
      } finally {
        await subscription.stop();
      }

      await store().append(streamId, createTestEvents(1), { expectedRevision: 4 });
      await sleep(700);
      expect(received).toHaveLength(4);
      expect(caughtUpCalls).toBe(1);
      expect(errors).toEqual([]);
    });

    it('delivers one event at a time, awaiting each, in position order', async () => {
      const streamId = newStreamId();
      const checkpoint = await store().headPosition();
      const events = createTestEvents(8);
      let inFlight = 0;
      let mostInFlight = 0;
      const received: RecordedEvent[] = [];
      const subscription = store().subscribeToAll({
        after: checkpoint,
        onEvent: async (event) => {
          inFlight += 1;
          mostInFlight = Math.max(mostInFlight, inFlight);
          await sleep(5);
          received.push(event);
          inFlight -= 1;
        },
      });
      try {
        await store().append(streamId, events.slice(0, 4), { expectedRevision: 'no_stream' });
        await store().append(streamId, events.slice(4), { expectedRevision: 3 });
        await waitFor(() => received.filter((event) => event.streamId === streamId).length === 8, 'eight events');
      } finally {
        await subscription.stop();
      }
      expect(mostInFlight).toBe(1);
      expect(ids(received.filter((event) => event.streamId === streamId))).toEqual(ids(events));
      received.slice(1).forEach((event, index) => expect(event.position).toBeGreaterThan(received[index]!.position));
    });

    it('delivers only the events of the given types, caught up and live; refuses a list that is not one of types', async () => {
      // Types of this test's own: a shared server's $all holds other tests' events.
      const kept = [`ContractFollowed${Date.now()}A`, `ContractFollowed${Date.now()}B`];
      const passedOver = (count: number) => Array.from({ length: count }, () => createTestEvent({ type: 'ContractPassedOver' }));
      const streamId = newStreamId();
      const since = await store().headPosition();
      const before = [createTestEvent({ type: kept[0] }), ...passedOver(3), createTestEvent({ type: kept[1] }), ...passedOver(2)];
      await store().append(streamId, before, { expectedRevision: 'no_stream' });

      const received: RecordedEvent[] = [];
      let receivedAtCaughtUp: number | undefined;
      const errors: Error[] = [];
      const subscription = store().subscribeToAll({
        after: since,
        types: kept,
        onEvent: (event) => void received.push(event),
        onCaughtUp: () => (receivedAtCaughtUp ??= received.length),
        onError: (error) => errors.push(error),
      });
      const nothingFollowed: RecordedEvent[] = [];
      const followsNothing = store().subscribeToAll({ after: since, types: [], onEvent: (event) => void nothingFollowed.push(event) });
      try {
        await waitFor(() => receivedAtCaughtUp !== undefined, 'onCaughtUp');
        expect(receivedAtCaughtUp).toBe(2);
        expect(received.map((event) => [event.type, event.revision])).toEqual([[kept[0], 0], [kept[1], 4]]);
        expect(received[1]).toMatchObject({ id: before[4]!.id, streamId, data: before[4]!.data });

        const live = [...passedOver(4), createTestEvent({ type: kept[0] }), ...passedOver(1)];
        await store().append(streamId, live, { expectedRevision: before.length - 1 });
        await store().append(streamId, [...passedOver(2), createTestEvent({ type: kept[1] })], { expectedRevision: before.length + live.length - 1 });
        await waitFor(() => received.length === 4, 'the live events of the types');
        expect(received.map((event) => event.revision)).toEqual([0, 4, 11, 15]);
        await sleep(300);
        expect(received).toHaveLength(4);
      } finally {
        await subscription.stop();
        await followsNothing.stop();
      }
      expect(nothingFollowed).toEqual([]);
      expect(errors).toEqual([]);
      expect(() => store().subscribeToAll({ types: 'ContractPassedOver' as unknown as string[], onEvent: () => undefined })).toThrow(expect.objectContaining({ code: 'validation' }));
    });

    it('reports a failing handler through onError and stops delivering', async () => {
      const streamId = newStreamId();
      const checkpoint = await store().headPosition();
      await store().append(streamId, createTestEvents(3), { expectedRevision: 'no_stream' });
      const errors: Error[] = [];
      let calls = 0;
      const subscription = store().subscribeToAll({
        after: checkpoint,
        onEvent: (event) => {
          if (event.streamId !== streamId) return;
          calls += 1;
          throw new Error('handler failed');
        },
        onError: (error) => errors.push(error),
      });
      try {
        await waitFor(() => errors.length > 0, 'onError');
        await sleep(300);
      } finally {
        await subscription.stop();
      }
      expect(errors.map((error) => error.message)).toEqual(['handler failed']);
      expect(calls).toBe(1);
    });
  });
}
