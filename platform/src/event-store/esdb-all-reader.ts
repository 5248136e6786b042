/**
 * Paged reads of EventStoreDB's `$all`. The v6 client's readAll has no server-side
 * filter, and `$all` is mostly system events on a quiet server, so we page through
 * it and let callers skip what they do not want.
 */
import { BACKWARDS, END, FORWARDS, START } from '@eventstore/db-client';
import type { AllStreamRecordedEvent, EventStoreDBClient } from '@eventstore/db-client';
import { commitPositionOf, toEsdbPosition } from './esdb-mapping';

async function readPage(
  client: EventStoreDBClient,
  from: bigint | 'start' | 'end',
  count: number,
  direction: 'forwards' | 'backwards',
): Promise<AllStreamRecordedEvent[]> {
  const fromPosition = from === 'start' ? START : from === 'end' ? END : toEsdbPosition(Number(from));
  const page: AllStreamRecordedEvent[] = [];
  for await (const resolved of client.readAll({ fromPosition, maxCount: count, direction: direction === 'forwards' ? FORWARDS : BACKWARDS })) {
    if (resolved.event) page.push(resolved.event);
  }
  return page;
}

/** Every `$all` record strictly after `after` (0: from the start), system events included, to the current end. */
export async function* recordsAfter(client: EventStoreDBClient, after: bigint, pageSize: number): AsyncGenerator<AllStreamRecordedEvent> {
  let floor = after;
  for (;;) {
    // A read from a position includes the record at it, hence the floor check.
    const page = await readPage(client, floor === 0n ? 'start' : floor, pageSize, 'forwards');
    for (const record of page) {
      const position = commitPositionOf(record);
      if (position <= floor) continue;
      floor = position;
      yield record;
    }
    if (page.length < pageSize) return;
  }
}

/** `$all` records from the end backwards, system events included. */
export async function* recordsFromEnd(client: EventStoreDBClient, pageSize: number): AsyncGenerator<AllStreamRecordedEvent> {
  let ceiling: bigint | undefined;
  for (;;) {
    const page = await readPage(client, ceiling ?? 'end', pageSize, 'backwards');
    for (const record of page) {
      const position = commitPositionOf(record);
      if (ceiling !== undefined && position >= ceiling) continue;
      ceiling = position;
      yield record;
    }
    if (page.length < pageSize) return;
  }
}
