import { sleep } from './rate';

export interface WaitOptions {
  timeoutMs: number;
  what: string;
  pollMs?: number;
  /** Called about every `progressEveryMs` while waiting, for progress logs. */
  onProgress?: () => void;
  progressEveryMs?: number;
  /** A reason to give up early (a component reporting itself unhealthy). */
  failure?: () => string | undefined;
}

/** Polls `done` until it holds; throws on timeout or when `failure` names a reason. */
export async function waitFor(done: () => boolean | Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = performance.now() + options.timeoutMs;
  let nextProgress = performance.now() + (options.progressEveryMs ?? 5000);
  while (!(await done())) {
    const reason = options.failure?.();
    if (reason) throw new Error(`${options.what}: ${reason}`);
    if (performance.now() > deadline) throw new Error(`${options.what}: not done after ${options.timeoutMs} ms`);
    if (options.onProgress && performance.now() > nextProgress) {
      options.onProgress();
      nextProgress = performance.now() + (options.progressEveryMs ?? 5000);
    }
    await sleep(options.pollMs ?? 5);
  }
}
