import { summarizeOrdersPhase } from './orders-phase-figures';
import type { OrdersPhaseMeasurements } from './orders-phase-figures';
import { procAvailable } from './process-usage';
import type { ProcessUsage, SpanUsage } from './process-usage';

const usage = (cpuSeconds: number, threads: Record<string, number>): ProcessUsage => ({
  cpuPercentOfCore: cpuSeconds * 10,
  cpuSeconds,
  cpuSecondsByThread: threads,
  cpuPercentByThread: Object.fromEntries(Object.entries(threads).map(([name, seconds]) => [name, seconds * 10])),
  peakRssBytes: 100 * 1024 ** 2,
  peakSince: 'span',
});

/** Four confirmed orders of one phase; `start` is the embedded process with its named threads, `bench` the load. */
function phase(span: SpanUsage) {
  const outcomes = new Map([1, 2, 3, 4].map((index) => [`o${index}`, { placedAt: index * 10, answeredAt: index * 10 + 5, confirmed: true }]));
  outcomes.set('rejected', { placedAt: 1, answeredAt: 2, confirmed: false });
  const measured: OrdersPhaseMeasurements = {
    total: 5, sampleEvery: 10, orderIds: [], postLatencies: [1, 2, 3, 4, 5], visibleLatencies: [], statuses: {}, outcomes,
    non2xx: 0, errors: 0, notVisible: 0, started: 0, lastAnswerMs: 100, sendingMs: 100, drainMs: 10,
  };
  return summarizeOrdersPhase({ section: 'orders (embedded)', items: 1, ratePerSecond: 50, seconds: 1 }, measured, span, span).figures;
}

const onLinux = procAvailable() ? describe : describe.skip;

onLinux('the figures of an orders phase', () => {
  it('splits the CPU of a process by its named threads, and gives what a confirmed order cost the platform without the load generator', () => {
    const figures = phase({
      processes: {
        start: usage(0.02, { main: 0.008, processors: 0.006, projections: 0.004, other: 0.002 }),
        bench: usage(0.004, { main: 0.004, other: 0 }),
      },
      machineCpuPercentOfCore: 50,
    });
    const byMetric = new Map(figures.map((figure) => [figure.metric, figure]));
    expect(byMetric.get('1-item start processors thread CPU')?.value).toBe(0.06);
    expect(byMetric.get('1-item start other thread CPU')?.note).toMatch(/runtime/);
    // The bench's threads are unnamed: its CPU is not split.
    expect([...byMetric.keys()].filter((metric) => metric.startsWith('1-item bench') && metric.includes('thread'))).toEqual([]);
    const perOrder = byMetric.get('1-item CPU per confirmed order');
    expect(perOrder?.value).toBe(5);
    expect(perOrder?.note).toBe('phase start → the last order answered (the read side may lag on): start 5 (main 2, processors 1.5, projections 1, other 0.5); and the bench itself 1');
  });

  it('gives no cost per order when none was confirmed or nothing could be read', () => {
    const none = phase({ processes: { start: null, bench: null }, machineCpuPercentOfCore: null });
    expect(none.some((figure) => figure.metric.includes('per confirmed order'))).toBe(false);
  });
});
