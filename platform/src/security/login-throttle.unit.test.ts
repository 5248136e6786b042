import { AppError } from '../errors';
import { createLoginThrottle } from './login-throttle';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const refusalOf = async (promise: Promise<void>): Promise<unknown> => promise.then(() => undefined, (error: unknown) => error);

describe('failed-login throttle (process memory)', () => {
  it('lets three failures through, then makes the account wait 1 s, then 2 s', async () => {
    const throttle = createLoginThrottle({ freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000 });
    for (let failure = 0; failure < 2; failure += 1) {
      await throttle.recordFailure('jane@example.com');
      expect(await throttle.delayFor('jane@example.com')).toBe(0);
    }
    await throttle.recordFailure('jane@example.com');
    const first = await throttle.delayFor('jane@example.com');
    expect(first).toBeGreaterThan(900);
    expect(first).toBeLessThanOrEqual(1000);
    expect(await throttle.delayFor('john@example.com')).toBe(0); // accounts are independent
    await sleep(1050);
    expect(await throttle.delayFor('jane@example.com')).toBe(0);
    await throttle.recordFailure('jane@example.com');
    expect(await throttle.delayFor('jane@example.com')).toBeGreaterThan(1900);
  });

  it('caps the wait at maxDelayMs', async () => {
    const throttle = createLoginThrottle({ freeAttempts: 1, baseDelayMs: 1000, maxDelayMs: 4000 });
    for (let failure = 0; failure < 10; failure += 1) await throttle.recordFailure('a');
    const delay = await throttle.delayFor('a');
    expect(delay).toBeGreaterThan(3900);
    expect(delay).toBeLessThanOrEqual(4000);
  });

  it('resets on success', async () => {
    const throttle = createLoginThrottle({ freeAttempts: 3 });
    for (let failure = 0; failure < 6; failure += 1) await throttle.recordFailure('a');
    await throttle.recordSuccess('a');
    expect(await throttle.delayFor('a')).toBe(0);
    await throttle.recordFailure('a');
    expect(await throttle.delayFor('a')).toBe(0); // a new streak starts from one failure
  });

  it('throws too_many_requests with whole seconds to wait', async () => {
    const throttle = createLoginThrottle({ freeAttempts: 3, baseDelayMs: 1000 });
    expect(await refusalOf(throttle.assertAllowed('a'))).toBeUndefined();
    for (let failure = 0; failure < 4; failure += 1) await throttle.recordFailure('a');
    const refusal = await refusalOf(throttle.assertAllowed('a'));
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'too_many_requests', details: { retryAfterSeconds: 2 } });
  });

  it('forgets a streak once forgetAfterMs has passed since it began', async () => {
    const throttle = createLoginThrottle({ freeAttempts: 2, baseDelayMs: 1000, forgetAfterMs: 1000 });
    await throttle.recordFailure('a');
    await sleep(1050);
    await throttle.recordFailure('a');
    expect(await throttle.delayFor('a')).toBe(0); // one failure in the new streak, not two
  });
});
