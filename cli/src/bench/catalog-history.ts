import { isPublishable } from '@ecommerce/platform';
import type { EventStore } from '@ecommerce/platform';
import { plannedAppends } from './catalog-events';
import { elapsedSince } from './rate';

export interface CatalogHistory {
  events: number;
  /** Events whose type has an Avro schema: what the mirror must put on the topics. */
  publishable: number;
  products: number;
  appends: number;
  head: number;
  setupMs: number;
}

/** Setup, not a measurement: appends `total` catalog and inventory events, one append per stream history. */
export async function fillEventStore(store: EventStore, total: number): Promise<CatalogHistory> {
  const started = performance.now();
  let events = 0;
  let publishable = 0;
  let products = 0;
  let appends = 0;
  for (const append of plannedAppends(total)) {
    await store.append(append.streamId, append.events, { expectedRevision: 'no_stream' });
    events += append.events.length;
    publishable += append.events.filter(isPublishable).length;
    products += append.events.filter((event) => event.type === 'ProductCreated').length;
    appends += 1;
  }
  return { events, publishable, products, appends, head: await store.headPosition(), setupMs: elapsedSince(started) };
}
