/**
 * Append semantics of the event store contract. The actual revision of a stream
 * that does not exist is reported as 'no_stream' (as EventStoreDB reports it), never -1.
 */
import { ConcurrencyError, ValidationError } from '../errors';
import { createTestEvents, expectConcurrencyError, newStreamId, rejectionOf } from './contract-helpers';
import type { EventStore } from './port';

export function describeAppend(store: () => EventStore): void {
  describe('append with an expected revision', () => {
    it("'no_stream' creates a stream, then refuses once it exists", async () => {
      const streamId = newStreamId();
      const result = await store().append(streamId, createTestEvents(3), { expectedRevision: 'no_stream' });
      expect(result.nextExpectedRevision).toBe(2);
      expect(result.position).toBeGreaterThan(0);
      await expectConcurrencyError(store().append(streamId, createTestEvents(1), { expectedRevision: 'no_stream' }), {
        streamId,
        expectedRevision: 'no_stream',
        actualRevision: '2',
      });
    });

    it('an exact revision succeeds when it is the last one and fails when stale', async () => {
      const streamId = newStreamId();
      await store().append(streamId, createTestEvents(3), { expectedRevision: 'no_stream' });
      const second = await store().append(streamId, createTestEvents(2), { expectedRevision: 2 });
      expect(second.nextExpectedRevision).toBe(4);
      await expectConcurrencyError(store().append(streamId, createTestEvents(1), { expectedRevision: 2 }), {
        streamId,
        expectedRevision: '2',
        actualRevision: '4',
      });
      expect(await store().readStream(streamId)).toHaveLength(5);
    });

    it("an exact revision on a missing stream fails with actual 'no_stream'", async () => {
      const streamId = newStreamId();
      await expectConcurrencyError(store().append(streamId, createTestEvents(1), { expectedRevision: 0 }), {
        streamId,
        expectedRevision: '0',
        actualRevision: 'no_stream',
      });
      expect(await store().readStream(streamId)).toEqual([]);
    });

    it("'any' (the default) appends to missing and existing streams alike", async () => {
      const streamId = newStreamId();
      expect((await store().append(streamId, createTestEvents(1), { expectedRevision: 'any' })).nextExpectedRevision).toBe(0);
      expect((await store().append(streamId, createTestEvents(2))).nextExpectedRevision).toBe(2);
    });

    it("'stream_exists' refuses a missing stream and accepts an existing one", async () => {
      const streamId = newStreamId();
      await expectConcurrencyError(store().append(streamId, createTestEvents(1), { expectedRevision: 'stream_exists' }), {
        streamId,
        expectedRevision: 'stream_exists',
        actualRevision: 'no_stream',
      });
      await store().append(streamId, createTestEvents(1), { expectedRevision: 'no_stream' });
      const result = await store().append(streamId, createTestEvents(1), { expectedRevision: 'stream_exists' });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('returns the position of the last appended event', async () => {
      const streamId = newStreamId();
      const result = await store().append(streamId, createTestEvents(3), { expectedRevision: 'no_stream' });
      const events = await store().readStream(streamId);
      expect(events.map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(events[2]?.position).toBe(result.position);
      expect(events[0]!.position).toBeLessThan(events[1]!.position);
      expect(events[1]!.position).toBeLessThan(events[2]!.position);
    });

    it('refuses an empty append and a negative revision with a ValidationError', async () => {
      const streamId = newStreamId();
      expect(await rejectionOf(store().append(streamId, []))).toBeInstanceOf(ValidationError);
      expect(await rejectionOf(store().append(streamId, createTestEvents(1), { expectedRevision: -1 }))).toBeInstanceOf(ValidationError);
      expect(await store().readStream(streamId)).toEqual([]);
    });
  });

  describe('idempotent re-append', () => {
    it("repeating an append with 'no_stream' returns the first result and writes nothing", async () => {
      const streamId = newStreamId();
      const events = createTestEvents(3);
      const first = await store().append(streamId, events, { expectedRevision: 'no_stream' });
      const again = await store().append(streamId, events, { expectedRevision: 'no_stream' });
      expect(again).toEqual(first);
      expect((await store().readStream(streamId)).map((event) => event.id)).toEqual(events.map((event) => event.id));
    });

    it('repeating an append at an exact revision returns the first result, even after later appends', async () => {
      const streamId = newStreamId();
      await store().append(streamId, createTestEvents(1), { expectedRevision: 'no_stream' });
      const events = createTestEvents(2);
      const first = await store().append(streamId, events, { expectedRevision: 0 });
      await store().append(streamId, createTestEvents(1), { expectedRevision: 2 });
      const again = await store().append(streamId, events, { expectedRevision: 0 });
      expect(again).toEqual(first);
      expect(await store().readStream(streamId)).toHaveLength(4);
    });

    it('different events at a stale revision still conflict', async () => {
      const streamId = newStreamId();
      await store().append(streamId, createTestEvents(2), { expectedRevision: 'no_stream' });
      await expectConcurrencyError(store().append(streamId, createTestEvents(2), { expectedRevision: 'no_stream' }), {
        streamId,
        expectedRevision: 'no_stream',
        actualRevision: '1',
      });
    });
  });

  describe('concurrent writers', () => {
    it('two writers with the same expected revision: exactly one wins', async () => {
      const streamId = newStreamId();
      await store().append(streamId, createTestEvents(1), { expectedRevision: 'no_stream' });
      const [left, right] = [createTestEvents(2), createTestEvents(2)];
      const outcomes = await Promise.allSettled([
        store().append(streamId, left, { expectedRevision: 0 }),
        store().append(streamId, right, { expectedRevision: 0 }),
      ]);
      const won = outcomes.filter((outcome) => outcome.status === 'fulfilled');
      const lost = outcomes.filter((outcome) => outcome.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
      expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ expectedRevision: '0', actualRevision: '2' });
      const winner = outcomes[0]?.status === 'fulfilled' ? left : right;
      const stored = await store().readStream(streamId, { fromRevision: 1 });
      expect(stored.map((event) => event.id)).toEqual(winner.map((event) => event.id));
    });

    it('many appends at once, to many streams: each settles on its own expectation, and a refused one takes none of the others down', async () => {
      const streams = Array.from({ length: 20 }, () => newStreamId());
      await Promise.all(streams.map((streamId) => store().append(streamId, createTestEvents(1), { expectedRevision: 'no_stream' })));
      const stale = new Set([streams[3], streams[11]]);
      const batches = streams.map(() => createTestEvents(2));
      // The same stream twice in the same moment: the second expects what the first leaves.
      const follow = createTestEvents(1);
      const outcomes = await Promise.allSettled([
        ...streams.map((streamId, index) => store().append(streamId, batches[index] as ReturnType<typeof createTestEvents>, { expectedRevision: stale.has(streamId) ? 5 : 0 })),
        store().append(streams[0] as string, follow, { expectedRevision: 2 }),
      ]);
      outcomes.slice(0, streams.length).forEach((outcome, index) => {
        if (stale.has(streams[index])) {
          expect(outcome.status).toBe('rejected');
          expect((outcome as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
        } else {
          expect(outcome).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2 } });
        }
      });
      expect(outcomes.at(-1)).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 3 } });
      for (const [index, streamId] of streams.entries()) {
        const stored = await store().readStream(streamId);
        const expected = stale.has(streamId) ? 1 : index === 0 ? 4 : 3;
        expect({ streamId, events: stored.length }).toEqual({ streamId, events: expected });
      }
      const positions = (await Promise.all(streams.map((streamId) => store().readStream(streamId)))).flat().map((event) => event.position);
      expect(new Set(positions).size).toBe(positions.length);
    });
  });
}
