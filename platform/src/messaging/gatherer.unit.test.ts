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

  it('tries the items of a failed commit again alone: only the one that cannot be committed fails', async () => {
    const commits: string[][] = [];
    const gather = createGatherer<string>(async (items) => {
      commits.push([...items]);
      if (items.includes('poison')) throw new Error('record too large');
    });
    const outcomes = await Promise.allSettled([gather('a'), gather('poison'), gather('c')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toEqual(new Error('record too large'));
    expect(commits).toEqual([['a', 'poison', 'c'], ['a'], ['poison'], ['c']]);
  });

  it('rejects every caller of a failed commit with its error when the error says not to try again, and goes on with the next', async () => {
    let fail = true;
    let commits = 0;
    const gather = createGatherer<string>(
      async () => {
        commits += 1;
        if (fail) throw new Error('fenced');
      },
      { retryAlone: (error) => (error as Error).message !== 'fenced' },
    );
    const outcomes = await Promise.allSettled([gather('a'), gather('b')]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['rejected', 'rejected']);
    expect((outcomes[0] as PromiseRejectedResult).reason).toEqual(new Error('fenced'));
    expect(commits).toBe(1);
    fail = false;
    await expect(gather('c')).resolves.toBeUndefined();
  });
});
