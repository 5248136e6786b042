import { startTestPlatform } from './harness';
import type { PlatformUnderTest } from './harness';
import { distributedStartHookMs, startDistributedPlatform } from './distributed';
import { expiryJourney, lifecycleJourneys } from './lifecycle.scenarios';

jest.setTimeout(120_000);

/** Short enough for the expiry journey to wait for, long enough for the others to pay in time. */
const paymentWindow = { PAYMENT_WINDOW_MS: '10000' };

function describeJourneys(name: string, start: () => Promise<PlatformUnderTest>): void {
  describe(`the order lifecycle through the gateway (${name})`, () => {
    let platform: PlatformUnderTest;
    beforeAll(async () => {
      platform = await start();
    }, distributedStartHookMs);
    afterAll(() => platform?.close());

    for (const [journey, run] of Object.entries(lifecycleJourneys(() => platform))) it(journey, run);
    it('an unpaid order expires when its payment window ends, and its stock comes back', expiryJourney(() => platform));
  });
}

describeJourneys('embedded, one process', () => startTestPlatform({ env: paymentWindow }));

const distributed = Boolean(process.env.KAFKA_BROKERS && process.env.MONGO_URL);
if (distributed) {
  describeJourneys('distributed: one OS process per component on Kafka, the registry and the MongoDB-wire server', () => startDistributedPlatform({ processors: true, env: paymentWindow }));
} else {
  describe('the order lifecycle, distributed', () => {
    it.todo('runs when KAFKA_BROKERS and MONGO_URL are set (skipped: not set)');
  });
}
