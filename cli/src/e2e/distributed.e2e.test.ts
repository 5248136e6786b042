import { describeCatalogScenarios } from './catalog.scenarios';
import { startDistributedPlatform } from './distributed';

jest.setTimeout(180_000);

/**
 * The catalog scenarios against the distributed topology: every component its own OS process.
 * The read store is shared between processes, so this needs MONGO_URL; with KAFKA_BROKERS and
 * SCHEMA_REGISTRY_URL set (as .ci/run does) the log and the registry are the real servers too.
 */
if (process.env.MONGO_URL) {
  describeCatalogScenarios(`distributed: one process per component, ${process.env.KAFKA_BROKERS ? 'Kafka' : 'embedded log'}, ${process.env.SCHEMA_REGISTRY_URL ? 'registry server' : 'embedded registry'}, MongoDB-wire read store`, () => startDistributedPlatform());
} else {
  process.stdout.write('distributed e2e skipped: set MONGO_URL (and KAFKA_BROKERS, SCHEMA_REGISTRY_URL) to run it\n');
  it.todo('distributed e2e needs MONGO_URL');
}
