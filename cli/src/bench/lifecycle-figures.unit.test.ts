import { completedPerSecond, failuresByStep, spans, summarizeLifecycles } from './lifecycle-figures';
import type { LifecycleOutcome, LifecycleTimes } from './lifecycle-figures';

/** A lifecycle placed at `placed` whose steps each take `step` ms, one after the other. */
function createTestLifecycle(placed: number, step = 10, overrides: LifecycleTimes = {}): LifecycleOutcome {
  const times: LifecycleTimes = {};
  let at = placed;
  for (const milestone of ['placed', 'confirmed', 'payRequested', 'paid', 'shipmentOpened', 'dispatched', 'shipped', 'deliverRequested', 'delivered', 'acceptSent', 'completed'] as const) {
    times[milestone] = at;
    at += step;
  }
  return { times: { ...times, ...overrides }, answers: [1, 2, 3, 4, 5] };
}

const stoppedAt = (failedAt: string, reason: string, times: LifecycleTimes = { placed: 0 }): LifecycleOutcome => ({ times, answers: [], failedAt, reason });

describe('lifecycle figures', () => {
  it('measures a step over the lifecycles that reached both of its ends, ascending', () => {
    const outcomes = [createTestLifecycle(0, 30), createTestLifecycle(5, 10), stoppedAt('pay', 'POST answered 409', { placed: 1, confirmed: 21 })];
    expect(spans(outcomes, 'placed', 'confirmed')).toEqual([10, 20, 30]);
    expect(spans(outcomes, 'payRequested', 'paid')).toEqual([10, 30]);
  });

  it('counts completed lifecycles per second between the first and the last completion', () => {
    // completed at 100, 600 and 1,100 ms, whatever each took: 2 intervals in 1 s
    const outcomes = [createTestLifecycle(0), createTestLifecycle(500), createTestLifecycle(1000), stoppedAt('confirm', 'the order was rejected')];
    expect(completedPerSecond(outcomes)).toBe(2);
    // completed at 1,000, 350 and 2,350 ms: 2 intervals in 2 s, the slow first one counting no more than the others
    expect(completedPerSecond([createTestLifecycle(0, 100), createTestLifecycle(250), createTestLifecycle(2300, 5)])).toBe(1);
    expect(completedPerSecond([createTestLifecycle(0), stoppedAt('place', 'refused')])).toBe(0);
  });

  it('groups lifecycles that stopped short by step, keeping the first reason', () => {
    const outcomes = [stoppedAt('pay', 'first'), stoppedAt('pay', 'second'), stoppedAt('dispatch', 'timeout'), createTestLifecycle(0)];
    expect(failuresByStep(outcomes)).toEqual({ pay: { count: 2, example: 'first' }, dispatch: { count: 1, example: 'timeout' } });
  });

  it('reports each step\'s p50 and p99 and what stopped short in the throughput note', () => {
    const outcomes = [...Array.from({ length: 99 }, (_, index) => createTestLifecycle(index * 10, 5)), createTestLifecycle(2000, 5, { shipped: 10_000 }), stoppedAt('accept', 'no OrderCompleted')];
    const { figures, details } = summarizeLifecycles({ section: 'lifecycle (test)', ratePerSecond: 10, seconds: 10 }, outcomes, { processes: {}, machineCpuPercentOfCore: null });
    const value = (metric: string) => figures.find((figure) => figure.metric === metric)?.value;
    expect(value('dispatch→shipped p50')).toBe(5);
    expect(value('dispatch→shipped p99')).toBe(10_000 - (2000 + 25));
    expect(value('accept→completed p99')).toBe(5);
    expect([value('requests p50'), value('requests p99')]).toEqual([3, 5]);
    expect(figures.find((figure) => figure.metric === 'lifecycles completed/s')?.note).toContain('100 of 101 completed; stopped: 1 at accept');
    expect(details).toMatchObject({ offered: 101, completed: 100, failures: { accept: { count: 1 } } });
  });
});
