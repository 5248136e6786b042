import { join } from 'node:path';
import { createLogger } from '@ecommerce/platform';
import { createComponentThread } from './component-thread';
import { semiSpaceMb } from './node-flags';

describe('a component thread', () => {
  it("gets the platform's young generation, though this process was started without its flag", async () => {
    expect(process.execArgv.join(' ')).not.toContain('--max-semi-space-size');
    let answer: ((megabytes: number) => void) | undefined;
    const grown = new Promise<number>((resolve) => (answer = resolve));
    const thread = createComponentThread<{ kind: 'young'; megabytes: number }>({
      name: 'test',
      workerFile: join(__dirname, 'component-thread-worker.fixture.ts'),
      workerData: undefined,
      logger: createLogger({ level: 'silent' }),
      onMessage: (message) => answer?.(message.megabytes),
    });
    await thread.start();
    try {
      thread.post('young');
      // V8's default young generation is two 16 MiB semi-spaces: 32 MiB at most.
      expect(await grown).toBeGreaterThanOrEqual(2 * semiSpaceMb);
    } finally {
      await thread.stop();
    }
  }, 30_000);
});
