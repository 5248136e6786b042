import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventStoreContract } from './contract';
import { createTestEvents, newStreamId, sleep, waitFor } from './contract-helpers';
import type { RecordedEvent } from './port';
import { openSqliteEventStore } from './sqlite';

const temporaryFile = () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'event-store-'));
  return { file: path.join(directory, 'nested', 'events.sqlite'), remove: () => fs.rmSync(directory, { recursive: true, force: true }) };
};

eventStoreContract('sqlite', async () => {
  const { file, remove } = temporaryFile();
  const store = openSqliteEventStore(file, { pollIntervalMs: 50 });
  return {
    store,
    cleanup: async () => {
      await store.close();
      remove();
    },
  };
});

describe('sqlite event store', () => {
  let file: string;
  let remove: () => void;
  beforeEach(() => {
    ({ file, remove } = temporaryFile());
  });
  afterEach(() => remove());

  it('starts empty, writes a WAL file, and keeps events across close and reopen', async () => {
    const first = openSqliteEventStore(file);
    expect(await first.headPosition()).toBe(0);
    expect(await first.readAll()).toEqual([]);
    const streamId = newStreamId();
    const events = createTestEvents(3, { correlationId: 'c-1' });
    const result = await first.append(streamId, events, { expectedRevision: 'no_stream' });
    expect(result).toEqual({ nextExpectedRevision: 2, position: 3 });
    expect(fs.existsSync(`${file}-wal`)).toBe(true);
    await first.close();

    const reopened = openSqliteEventStore(file);
    try {
      const stored = await reopened.readStream(streamId);
      expect(stored.map((event) => [event.id, event.position, event.metadata])).toEqual(events.map((event, index) => [event.id, index + 1, { correlationId: 'c-1' }]));
      expect(await reopened.headPosition()).toBe(3);
      const next = await reopened.append(streamId, createTestEvents(1), { expectedRevision: 2 });
      expect(next).toEqual({ nextExpectedRevision: 3, position: 4 });
    } finally {
      await reopened.close();
    }
  });

  it('a subscription sees appends made by a second store on the same file (another process) by polling', async () => {
    const subscriber = openSqliteEventStore(file, { pollIntervalMs: 50 });
    const writer = openSqliteEventStore(file);
    const received: RecordedEvent[] = [];
    let caughtUp = false;
    const subscription = subscriber.subscribeToAll({ onEvent: (event) => void received.push(event), onCaughtUp: () => (caughtUp = true) });
    try {
      // Idle first, so only a poll (the writer cannot wake this store) can deliver what follows.
      await waitFor(() => caughtUp, 'the empty catch-up');
      await sleep(80);
      const streamId = newStreamId();
      const events = createTestEvents(3);
      await writer.append(streamId, events, { expectedRevision: 'no_stream' });
      await waitFor(() => received.length === 3, 'events from the other writer', 3_000);
      expect(received.map((event) => event.id)).toEqual(events.map((event) => event.id));
    } finally {
      await subscription.stop();
      await writer.close();
      await subscriber.close();
    }
  });

  it('a subscription restarted from its checkpoint resumes without replaying', async () => {
    const store = openSqliteEventStore(file, { pollIntervalMs: 50 });
    try {
      const streamId = newStreamId();
      await store.append(streamId, createTestEvents(3), { expectedRevision: 'no_stream' });
      const firstRun: RecordedEvent[] = [];
      const first = store.subscribeToAll({ onEvent: (event) => void firstRun.push(event) });
      await waitFor(() => firstRun.length === 3, 'the first run');
      await first.stop();
      const checkpoint = firstRun[firstRun.length - 1]!.position;

      const later = createTestEvents(2);
      await store.append(streamId, later, { expectedRevision: 2 });
      const secondRun: RecordedEvent[] = [];
      let caughtUp = false;
      const second = store.subscribeToAll({ after: checkpoint, onEvent: (event) => void secondRun.push(event), onCaughtUp: () => (caughtUp = true) });
      await waitFor(() => caughtUp, 'catch-up of the second run');
      await sleep(150);
      await second.stop();
      expect(secondRun.map((event) => event.id)).toEqual(later.map((event) => event.id));
      expect(secondRun.map((event) => event.revision)).toEqual([3, 4]);
    } finally {
      await store.close();
    }
  });

  it("a retried append under 'any' returns the first result; an id reused elsewhere is a conflict", async () => {
    const store = openSqliteEventStore(file);
    try {
      const streamId = newStreamId();
      const events = createTestEvents(2);
      const first = await store.append(streamId, events);
      expect(await store.append(streamId, events)).toEqual(first);
      expect(await store.append(streamId, events, { expectedRevision: 'stream_exists' })).toEqual(first);
      await expect(store.append(newStreamId(), [events[0]!])).rejects.toMatchObject({ code: 'conflict', details: { eventId: events[0]!.id } });
      await expect(store.append(streamId, [events[1]!], { expectedRevision: 1 })).rejects.toMatchObject({ code: 'conflict' });
      expect(await store.readStream(streamId)).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('close stops running subscriptions', async () => {
    const store = openSqliteEventStore(file, { pollIntervalMs: 20 });
    const errors: Error[] = [];
    store.subscribeToAll({ onEvent: () => undefined, onError: (error) => errors.push(error) });
    await sleep(50);
    await store.close();
    await sleep(100);
    expect(errors).toEqual([]);
  });
});
