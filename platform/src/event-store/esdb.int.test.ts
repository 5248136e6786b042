import { EventStoreDBClient } from '@eventstore/db-client';
import { eventStoreContract } from './contract';
import { createEsdbEventStore } from './esdb';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract('esdb', async () => {
    const store = createEsdbEventStore(EventStoreDBClient.connectionString(url), { readPageSize: 200 });
    return { store, cleanup: () => store.close() };
  });
} else {
  console.warn('skipped: set EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false) to run the EventStoreDB contract');
  describe.skip('event store contract: esdb (EVENTSTORE_URL not set)', () => {
    it('runs against a real EventStoreDB', () => undefined);
  });
}
