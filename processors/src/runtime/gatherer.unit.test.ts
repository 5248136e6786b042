import { createGatherer } from './gatherer';

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('createGatherer', () => {
  it('commits what is asked for in one turn together, and what comes during a commit in the next', async () => {
    const commits: number[][] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const gather = createGatherer<number>(async (items) => {
      commits.push([...items]);
      if (commits.length === 1) await gate;
    });
    const first = [gather(1), gather(2), gather(3)];
    await turn();
    await turn();
    expect(commits).toEqual([[1, 2, 3]]);
    const later = [gather(4), gather(5)];
    await turn();
    expect(commits).toHaveLength(1);
    release();
    await Promise.all([...first, ...later]);
    expect(commits).toEqual([[1, 2, 3], [4, 5]]);
  });

  it('rejects every caller of a failed commit with its error, and goes on with the next', async () => {
    let fail = true;
    const gather = createGatherer<string>(async () => {
      if (fail) throw new Error('fenced');
    });
    const outcomes = await Promise.allSettled([gather('a'), gather('b')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toEqual(new Error('fenced'));
    fail = false;
    await expect(gather('c')).resolves.toBeUndefined();
  });
});
