/**
 * Read semantics of the event store contract. A shared server's `$all` also holds
 * other tests' events, so `$all` assertions look only at this test's streams, or
 * at one append's events, which are contiguous in `$all` on every adapter.
 */
import { createTestEvent, createTestEvents, newStreamId } from './contract-helpers';
import type { EventStore, RecordedEvent } from './port';

const ids = (events: readonly { id: string }[]) => events.map((event) => event.id);

const expectStrictlyIncreasing = (events: readonly RecordedEvent[]) =>
  events.slice(1).forEach((event, index) => expect(event.position).toBeGreaterThan(events[index]!.position));

export function describeReads(store: () => EventStore): void {
  describe('readStream', () => {
    it('reads forwards and backwards, from a revision, up to a count', async () => {
      const streamId = newStreamId();
      const events = createTestEvents(5);
      await store().append(streamId, events, { expectedRevision: 'no_stream' });

      expect(ids(await store().readStream(streamId))).toEqual(ids(events));
      expect(ids(await store().readStream(streamId, { direction: 'backwards' }))).toEqual(ids(events).reverse());
      expect(ids(await store().readStream(streamId, { fromRevision: 2 }))).toEqual(ids(events.slice(2)));
      expect(ids(await store().readStream(streamId, { fromRevision: 1, maxCount: 2 }))).toEqual(ids(events.slice(1, 3)));
      const backwards = await store().readStream(streamId, { direction: 'backwards', fromRevision: 3, maxCount: 2 });
      expect(backwards.map((event) => event.revision)).toEqual([3, 2]);
      expect(await store().readStream(streamId, { fromRevision: 9 })).toEqual([]);
    });

    it('returns an empty list for a missing stream', async () => {
      expect(await store().readStream(newStreamId())).toEqual([]);
      expect(await store().readStream(newStreamId(), { direction: 'backwards' })).toEqual([]);
    });

    it('round-trips type, data and metadata', async () => {
      const streamId = newStreamId();
      const data = { text: 'Grüße, 注文 ✓', amount: 1999, ratio: 0.25, flag: false, nothing: null, list: [1, 'two', { three: 3 }], nested: { deep: { deeper: ['x'] } } };
      const metadata = { correlationId: 'corr-1', causationId: 'cause-1', occurredAt: '2024-01-02T03:04:05.678Z', actor: 'user-1', custom: { any: ['json'] } };
      const withMetadata = createTestEvent({ type: 'ContractDataRecorded', data, metadata });
      const without = createTestEvent({ type: 'ContractEmptyRecorded', data: {} });
      const before = Date.now();
      await store().append(streamId, [withMetadata, without], { expectedRevision: 'no_stream' });

      const [first, second] = await store().readStream(streamId);
      expect(first).toMatchObject({ id: withMetadata.id, type: 'ContractDataRecorded', streamId, revision: 0, data, metadata });
      expect(second).toMatchObject({ id: without.id, type: 'ContractEmptyRecorded', revision: 1, data: {}, metadata: {} });
      expect(first!.recordedAt).toBeInstanceOf(Date);
      // Server clocks may lag ours a little.
      expect(first!.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
      expect(first!.recordedAt.getTime()).toBeLessThanOrEqual(Date.now() + 5_000);
    });
  });

  describe('readAll', () => {
    it('reads strictly after a position, up to a count, in increasing positions', async () => {
      const streamId = newStreamId();
      const events = createTestEvents(5);
      await store().append(streamId, events, { expectedRevision: 'no_stream' });
      const stored = await store().readStream(streamId);
      const first = stored[0]!;

      const afterFirst = await store().readAll({ after: first.position, maxCount: 2 });
      expect(ids(afterFirst)).toEqual(ids(events.slice(1, 3)));
      expect(afterFirst.map((event) => event.position)).toEqual(stored.slice(1, 3).map((event) => event.position));

      const rest = (await store().readAll({ after: first.position })).filter((event) => event.streamId === streamId);
      expect(ids(rest)).toEqual(ids(events.slice(1)));
      expect(await store().readAll({ after: first.position, maxCount: 0 })).toEqual([]);
    });

    it('reads only the events of the given types, counting them against maxCount; refuses a list that is not one of types', async () => {
      // Types of this test's own: a shared server's $all holds other tests' events.
      const kept = [`ContractKept${Date.now()}A`, `ContractKept${Date.now()}B`];
      const streamId = newStreamId();
      const events = [
        createTestEvent({ type: kept[0] }), createTestEvent({ type: 'ContractPassedOver' }), createTestEvent({ type: kept[1] }),
        createTestEvent({ type: 'ContractPassedOver' }), createTestEvent({ type: kept[0] }),
      ];
      const since = await store().headPosition();
      await store().append(streamId, events, { expectedRevision: 'no_stream' });

      const ofTypes = await store().readAll({ after: since, types: kept });
      expect(ofTypes.map((event) => [event.type, event.revision])).toEqual([[kept[0], 0], [kept[1], 2], [kept[0], 4]]);
      expect(ofTypes[1]).toMatchObject({ id: events[2]!.id, streamId, data: events[2]!.data });
      const firstTwo = await store().readAll({ after: since, types: kept, maxCount: 2 });
      expect(ids(firstTwo)).toEqual([events[0]!.id, events[2]!.id]);
      expect(ids(await store().readAll({ after: firstTwo[1]!.position, types: kept }))).toEqual([events[4]!.id]);
      expect(await store().readAll({ after: since, types: [] })).toEqual([]);
      await expect(store().readAll({ types: 'ContractPassedOver' as unknown as string[] })).rejects.toMatchObject({ code: 'validation' });
    });

    it('orders events of many streams by position, each stream in revision order', async () => {
      const streams = [newStreamId(), newStreamId(), newStreamId()];
      const since = await store().headPosition();
      for (let round = 0; round < 3; round += 1) {
        for (const streamId of streams) await store().append(streamId, createTestEvents(2));
      }
      const ours = (await store().readAll({ after: since })).filter((event) => streams.includes(event.streamId));
      expect(ours).toHaveLength(18);
      expectStrictlyIncreasing(ours);
      for (const streamId of streams) {
        expect(ours.filter((event) => event.streamId === streamId).map((event) => event.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      }
      expect(ours.map((event) => event.streamId).slice(0, 6)).toEqual([streams[0], streams[0], streams[1], streams[1], streams[2], streams[2]]);
    });
  });

  describe('many streams', () => {
    it('200 streams × 5 events, appended concurrently, read back exactly', async () => {
      const streams = Array.from({ length: 200 }, () => ({ streamId: newStreamId('many'), events: createTestEvents(5) }));
      await Promise.all(
        streams.map(async ({ streamId, events }) => {
          for (const [revision, event] of events.entries()) {
            await store().append(streamId, [event], { expectedRevision: revision === 0 ? 'no_stream' : revision - 1 });
          }
        }),
      );
      for (const { streamId, events } of streams) {
        const stored = await store().readStream(streamId);
        expect(stored.map((event) => [event.id, event.revision, event.data])).toEqual(events.map((event, index) => [event.id, index, event.data]));
        expectStrictlyIncreasing(stored);
      }
    });
  });

  describe('headPosition and health', () => {
    it('headPosition reaches the last appended position', async () => {
      const result = await store().append(newStreamId(), createTestEvents(2));
      const head = await store().headPosition();
      expect(head).toBeGreaterThanOrEqual(result.position);
      const next = await store().append(newStreamId(), createTestEvents(1));
      expect(await store().headPosition()).toBeGreaterThanOrEqual(next.position);
      expect(next.position).toBeGreaterThan(head);
    });

    it('reports healthy', async () => {
      expect(await store().health()).toMatchObject({ ok: true });
    });
  });
}
