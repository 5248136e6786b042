import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteEventStore, randomId } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';
import { handleCommand } from './handle-command';
import type { DeciderLike } from './handle-command';

interface Counted {
  type: 'Counted';
  data: { n: number };
}

/** Each Count command records the stream's next number: what it decides shows the state it was decided on. */
const counter: DeciderLike<{ type: 'Count' }, Counted, number> = {
  initialState: () => 0,
  evolve: (_state, event) => event.data.n,
  decide: (_command, state) => [{ type: 'Counted', data: { n: state + 1 } }],
};

describe('handleCommand', () => {
  let dir: string;
  let eventStore: EventStore;
  let streamReads: number;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'handle-command-'));
    const store = openSqliteEventStore(path.join(dir, 'events.db'));
    streamReads = 0;
    eventStore = Object.assign(Object.create(store) as EventStore, {
      readStream: (...args: Parameters<EventStore['readStream']>) => {
        streamReads += 1;
        return store.readStream(...args);
      },
    });
  });
  afterEach(async () => {
    await eventStore.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const context = () => ({ eventStore, clock: () => new Date() });

  it('decides on a stream it just named on the initial state, without reading it', async () => {
    const streamId = `counter-${randomId()}`;
    const outcome = await handleCommand(context(), { streamId, decider: counter, commands: [{ type: 'Count' }], newStream: true });
    expect(streamReads).toBe(0);
    expect(outcome.revision).toBe(0);
    expect((await eventStore.readStream(streamId)).map((event) => event.data)).toEqual([{ n: 1 }]);
  });

  it('reads and decides again when a stream named as new holds events after all', async () => {
    const streamId = `counter-${randomId()}`;
    await handleCommand(context(), { streamId, decider: counter, commands: [{ type: 'Count' }] });
    streamReads = 0;
    const outcome = await handleCommand(context(), { streamId, decider: counter, commands: [{ type: 'Count' }], newStream: true });
    expect(streamReads).toBe(1);
    expect(outcome.revision).toBe(1);
    expect((await eventStore.readStream(streamId)).map((event) => event.data)).toEqual([{ n: 1 }, { n: 2 }]);
  });

  it('reads a stream not named as new before deciding', async () => {
    const streamId = `counter-${randomId()}`;
    await handleCommand(context(), { streamId, decider: counter, commands: [{ type: 'Count' }] });
    expect(streamReads).toBe(1);
  });
});
