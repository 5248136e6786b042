import { startPollingSubscription } from './polling-subscription';
import type { PollingSource } from './polling-subscription';
import type { RecordedEvent } from './port';

/** A store of `count` events at positions 1..count, every third of type `Kept`; it records where each read started. */
function sourceOf(count: number) {
  const events = Array.from({ length: count }, (_, index): RecordedEvent => ({
    id: `e${index + 1}`, streamId: 's', revision: index, position: index + 1, type: (index + 1) % 3 === 0 ? 'Kept' : 'Other', data: {}, metadata: {}, recordedAt: new Date(0),
  }));
  const readsFrom: number[] = [];
  const source: PollingSource & { append(): void } = {
    readAfter(position, limit, types) {
      readsFrom.push(position);
      return events.filter((event) => event.position > position && (!types || types.includes(event.type))).slice(0, limit);
    },
    headPosition: () => events.length,
    onAppended: () => () => undefined,
    append() {
      const position = events.length + 1;
      events.push({ ...(events[0] as RecordedEvent), id: `e${position}`, position, revision: position - 1, type: 'Other' });
    },
  };
  return { source, readsFrom };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('startPollingSubscription with types', () => {
  it('reads on from the head seen before a read that came short, not from the last event delivered', async () => {
    const { source, readsFrom } = sourceOf(10);
    const delivered: number[] = [];
    const subscription = startPollingSubscription(source, { types: ['Kept'], onEvent: (event) => void delivered.push(event.position) }, { pollIntervalMs: 5, batchSize: 2 });
    await settle();
    source.append();
    source.append();
    await settle();
    await subscription.stop();
    expect(delivered).toEqual([3, 6, 9]);
    // pages of two: 3 and 6, then 9 alone (short: the head was 10), then only from the head on
    expect(readsFrom.slice(0, 3)).toEqual([0, 6, 10]);
    expect(readsFrom.at(-1)).toBe(12);
    expect(readsFrom.every((position) => position === 0 || position === 6 || position >= 10)).toBe(true);
  });

  it('reads on from the last event delivered without types', async () => {
    const { source, readsFrom } = sourceOf(4);
    const delivered: number[] = [];
    const subscription = startPollingSubscription(source, { onEvent: (event) => void delivered.push(event.position) }, { pollIntervalMs: 5, batchSize: 3 });
    await settle();
    await subscription.stop();
    expect(delivered).toEqual([1, 2, 3, 4]);
    expect(readsFrom.slice(0, 2)).toEqual([0, 3]);
    expect(new Set(readsFrom.slice(2))).toEqual(new Set([4]));
  });
});
