import { createFetchPacing, paceFetches, withFetchPacing } from './fetch-pacing';
import type { RunnerClass } from './fetch-pacing';

/** A stand-in for kafkajs's consumer Runner: its fetch answers with the batches queued for it. */
function fakeRunnerClass() {
  const fetchedAt: number[] = [];
  class Runner {
    running = true;
    heartbeats = 0;
    answers: boolean[][] = [];
    constructor(public eachBatch: unknown) {}
    async fetch(_nodeId: number): Promise<Array<{ isEmpty(): boolean }>> {
      fetchedAt.push(Date.now());
      return (this.answers.shift() ?? []).map((brought) => ({ isEmpty: () => !brought }));
    }
    async heartbeat(): Promise<void> {
      this.heartbeats += 1;
    }
  }
  paceFetches(Runner as unknown as RunnerClass);
  return { Runner, fetchedAt };
}

const handler = async () => undefined;

describe('fetch pacing (a batch window on Kafka)', () => {
  it('holds the fetch after one that brought records until the window has passed since it answered', async () => {
    const { Runner, fetchedAt } = fakeRunnerClass();
    const pacing = createFetchPacing(300, 1000);
    pacing.start();
    const runner = new Runner(withFetchPacing(handler, pacing));
    runner.answers = [[true, false], [false], []];
    await runner.fetch(1);
    await runner.fetch(1);
    // After a fetch that brought nothing (an idle member's long fetch ran out), the next goes at once.
    await runner.fetch(1);
    const [first = 0, second = 0, third = 0] = fetchedAt;
    expect(second - first).toBeGreaterThanOrEqual(290);
    expect(third - second).toBeLessThan(100);
  });

  it('paces each broker on its own', async () => {
    const { Runner, fetchedAt } = fakeRunnerClass();
    const pacing = createFetchPacing(300, 1000);
    pacing.start();
    const runner = new Runner(withFetchPacing(handler, pacing));
    runner.answers = [[true], []];
    await runner.fetch(1);
    await runner.fetch(2);
    expect((fetchedAt[1] ?? 0) - (fetchedAt[0] ?? 0)).toBeLessThan(100);
  });

  it('leaves a consumer without a pacing alone', async () => {
    const { Runner, fetchedAt } = fakeRunnerClass();
    const runner = new Runner(handler);
    runner.answers = [[true], [true]];
    await runner.fetch(1);
    await runner.fetch(1);
    expect((fetchedAt[1] ?? 0) - (fetchedAt[0] ?? 0)).toBeLessThan(100);
  });

  it('heartbeats while a window longer than the heartbeat interval runs', async () => {
    const { Runner } = fakeRunnerClass();
    const pacing = createFetchPacing(350, 100);
    pacing.start();
    const runner = new Runner(withFetchPacing(handler, pacing));
    runner.answers = [[true]];
    await runner.fetch(1);
    await runner.fetch(1);
    expect(runner.heartbeats).toBeGreaterThanOrEqual(3);
  });

  it('a heartbeat that throws (a rebalance) ends the wait with its error, as kafkajs’s own fetch would', async () => {
    const { Runner } = fakeRunnerClass();
    const pacing = createFetchPacing(5000, 50);
    pacing.start();
    const runner = new Runner(withFetchPacing(handler, pacing));
    runner.heartbeat = async () => {
      throw new Error('The group is rebalancing');
    };
    runner.answers = [[true]];
    await runner.fetch(1);
    const started = Date.now();
    await expect(runner.fetch(1)).rejects.toThrow('rebalancing');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a stop ends the wait at once and paces nothing until started again; a stopped runner waits no more', async () => {
    const { Runner, fetchedAt } = fakeRunnerClass();
    const pacing = createFetchPacing(5000, 1000);
    pacing.start();
    const runner = new Runner(withFetchPacing(handler, pacing));
    runner.answers = [[true], [true], [true], [true]];
    await runner.fetch(1);
    const held = runner.fetch(1);
    setTimeout(() => pacing.stop(), 50);
    await held;
    // Stopped: a fetch that brings records holds back nothing.
    await runner.fetch(1);
    expect((fetchedAt[2] ?? Infinity) - (fetchedAt[0] ?? 0)).toBeLessThan(1000);
    pacing.start();
    await runner.fetch(1);
    const waiting = runner.fetch(1);
    setTimeout(() => (runner.running = false), 50);
    await waiting;
    expect((fetchedAt[4] ?? Infinity) - (fetchedAt[3] ?? 0)).toBeLessThan(2000);
  });
});
