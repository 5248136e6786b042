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
  it.todo('event store contract: esdb — runs when EVENTSTORE_URL is set');
}
