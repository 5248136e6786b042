import { createMetrics } from '@ecommerce/platform';
import { createMetricsCopier, relayedSamples } from './component-thread';

describe("a component thread's relayed metrics", () => {
  it("relays the mirror's only from the thread that runs it: the other's unset lag gauge would overwrite it with 0", async () => {
    const mirrorThread = createMetrics();
    mirrorThread.mirrorLag.set(42);
    const otherThread = createMetrics();
    otherThread.projectionApplied.inc({ projection: 'orders' }, 3);
    const main = createMetrics();
    const copyFromMirrorThread = createMetricsCopier(main);
    const copyFromOtherThread = createMetricsCopier(main);

    const withoutMirror = await relayedSamples(otherThread, { mirror: false });
    expect(withoutMirror.filter((sample) => sample.name.startsWith('mirror_'))).toEqual([]);
    copyFromMirrorThread(await relayedSamples(mirrorThread, { mirror: true }));
    copyFromOtherThread(withoutMirror);
    expect((await main.mirrorLag.get()).values[0]?.value).toBe(42);
    expect(await main.registry.getSingleMetricAsString('projection_events_applied_total')).toMatch(/projection="orders"} 3/);
  });
});
