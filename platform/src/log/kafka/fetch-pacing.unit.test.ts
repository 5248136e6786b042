import { createFetchPacing, paceFetches, withFetchPacing } from './fetch-pacing';
import type { RunnerClass } from './fetch-pacing';

/** A batch of a fetch: with records or not, and how many the partition has past it. */
const batch = (records: boolean, lag = 0) => ({ isEmpty: () => !records, offsetLag: () => String(lag) });
type Answer = Array<ReturnType<typeof batch>>;

/** A stand-in for kafkajs's consumer Runner: its fetch answers with the batches queued for it. */
function fakeRunnerClass() {
  const fetchedAt: number[] = [];
  class Runner {
    running = true;
    heartbeats = 0;
    answers: Answer[] = [];
    constructor(public eachBatch: unknown) {}
    async fetch(_nodeId: number): Promise<Answer> {
      fetchedAt.push(Date.now());
      return this.answers.shift() ?? [];
    }
    async heartbeat(): Promise<void> {
      this.heartbeats += 1;
    }
  }
  paceFetches(Runner as unknown as RunnerClass);
  return { Runner, fetchedAt };
}

const handler = async () => undefined;
const backlog = 500;

function pacedRunner(windowMs: number, heartbeatIntervalMs = 1000) {
  const { Runner, fetchedAt } = fakeRunnerClass();
  const pacing = createFetchPacing(windowMs, heartbeatIntervalMs, backlog);
  pacing.start();
  return { runner: new Runner(withFetchPacing(handler, pacing)), pacing, fetchedAt, Runner };
}

const gap = (fetchedAt: number[], from: number) => (fetchedAt[from + 1] ?? Infinity) - (fetchedAt[from] ?? 0);

describe('fetch pacing (a batch window on Kafka)', () => {
  it('holds the fetch after one that brought records until the window has passed since it answered', async () => {
    const { runner, fetchedAt } = pacedRunner(300);
    runner.answers = [[batch(true), batch(false)], [batch(false)], []];
    await runner.fetch(1);
    await runner.fetch(1);
    // After a fetch that brought nothing (an idle member's long fetch ran out), the next goes at once.
    await runner.fetch(1);
    expect(gap(fetchedAt, 0)).toBeGreaterThanOrEqual(290);
    expect(gap(fetchedAt, 1)).toBeLessThan(100);
  });

  it('follows a fetch that left a backlog in a partition at once, and one that left a few records behind after the window', async () => {
    const { runner, fetchedAt } = pacedRunner(300);
    runner.answers = [[batch(true, 10), batch(true, backlog + 1)], [batch(true, 10)], []];
    await runner.fetch(1);
    await runner.fetch(1);
    await runner.fetch(1);
    expect(gap(fetchedAt, 0)).toBeLessThan(100);
    expect(gap(fetchedAt, 1)).toBeGreaterThanOrEqual(290);
  });

  it('paces each broker on its own', async () => {
    const { runner, fetchedAt } = pacedRunner(300);
    runner.answers = [[batch(true)], []];
    await runner.fetch(1);
    await runner.fetch(2);
    expect(gap(fetchedAt, 0)).toBeLessThan(100);
  });

  it('leaves a consumer without a pacing alone', async () => {
    const { Runner, fetchedAt } = fakeRunnerClass();
    const runner = new Runner(handler);
    runner.answers = [[batch(true)], [batch(true)]];
    await runner.fetch(1);
    await runner.fetch(1);
    expect(gap(fetchedAt, 0)).toBeLessThan(100);
  });

  it('heartbeats while a window longer than the heartbeat interval runs', async () => {
    const { runner } = pacedRunner(800, 100);
    runner.answers = [[batch(true)]];
    await runner.fetch(1);
    await runner.fetch(1);
    expect(runner.heartbeats).toBeGreaterThanOrEqual(3);
  });

  it('a heartbeat that throws (a rebalance) ends the wait with its error, as kafkajs’s own fetch would', async () => {
    const { runner } = pacedRunner(5000, 50);
    runner.heartbeat = async () => {
      throw new Error('The group is rebalancing');
    };
    runner.answers = [[batch(true)]];
    await runner.fetch(1);
    const started = Date.now();
    await expect(runner.fetch(1)).rejects.toThrow('rebalancing');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('an interrupt ends the wait at once and keeps pacing what follows', async () => {
    const { runner, pacing, fetchedAt } = pacedRunner(5000);
    runner.answers = [[batch(true)], [batch(true)], []];
    await runner.fetch(1);
    const held = runner.fetch(1);
    setTimeout(() => pacing.interrupt(), 50);
    await held;
    expect(gap(fetchedAt, 0)).toBeLessThan(1000);
    const next = runner.fetch(1);
    setTimeout(() => pacing.interrupt(), 300);
    await next;
    expect(gap(fetchedAt, 1)).toBeGreaterThanOrEqual(250);
  });

  it('a stop ends the wait at once and paces nothing until started again; a stopped runner waits no more', async () => {
    const { runner, pacing, fetchedAt } = pacedRunner(5000);
    runner.answers = [[batch(true)], [batch(true)], [batch(true)], [batch(true)]];
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
    expect(gap(fetchedAt, 3)).toBeLessThan(2000);
  });
});
