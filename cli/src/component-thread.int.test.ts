import fs from 'node:fs';
import { join } from 'node:path';
import { createLogger } from '@ecommerce/platform';
import { createComponentThread } from './component-thread';
import { semiSpaceMb } from './node-flags';

describe('a component thread', () => {
  it("gets the embedded start's young generation, though this process was started without its flag, and its OS thread its name", async () => {
    // A process flag would override the thread's limits: this test means something only without one.
    expect(`${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`).not.toContain('--max-semi-space-size');
    let answer: ((megabytes: number) => void) | undefined;
    let fail: ((reason: Error) => void) | undefined;
    const grown = new Promise<number>((resolve, reject) => {
      answer = resolve;
      fail = reject;
    });
    const thread = createComponentThread<{ kind: 'young'; megabytes: number }>({
      name: 'test',
      workerFile: join(__dirname, 'component-thread-worker.fixture.ts'),
      workerData: undefined,
      logger: createLogger({ level: 'silent' }),
      onMessage: (message) => answer?.(message.megabytes),
      onFailure: (message) => fail?.(new Error(message)),
    });
    await thread.start();
    try {
      if (fs.existsSync('/proc/thread-self/comm')) {
        const names = fs.readdirSync('/proc/self/task').map((tid) => fs.readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim());
        expect(names).toContain('fixture-thread');
      }
      thread.post('young');
      // V8's default young generation is two 16 MiB semi-spaces: 32 MiB at most. Here it grows to two of `semiSpaceMb`.
      expect(await grown).toBeGreaterThan(32);
      expect(await grown).toBeLessThanOrEqual(2 * semiSpaceMb);
    } finally {
      await thread.stop();
    }
  }, 30_000);
});
