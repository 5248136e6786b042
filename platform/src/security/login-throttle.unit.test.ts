import { AppError } from '../errors';
import { createLoginThrottle } from './login-throttle';

function createTestClock(start = 5_000_000) {
  const clock = { at: start, now: () => clock.at, advance: (ms: number) => void (clock.at += ms) };
  return clock;
}

const createTestThrottle = (clock: ReturnType<typeof createTestClock>, overrides = {}) =>
  createLoginThrottle({ freeAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30_000, now: clock.now, ...overrides });

describe('failed-login throttle', () => {
  it('lets three failures through, then waits 1 s, 2 s, 4 s … capped at 30 s', () => {
    const clock = createTestClock();
    const throttle = createTestThrottle(clock);
    const delays: number[] = [];
    for (let failure = 0; failure < 10; failure += 1) {
      const delay = throttle.delayFor('jane@example.com');
      delays.push(delay);
      clock.advance(delay);
      throttle.recordFailure('jane@example.com');
    }
    expect(delays).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
  });

  it('counts down the wait as time passes', () => {
    const clock = createTestClock();
    const throttle = createTestThrottle(clock);
    for (let failure = 0; failure < 5; failure += 1) throttle.recordFailure('a');
    expect(throttle.delayFor('a')).toBe(4000);
    clock.advance(2500);
    expect(throttle.delayFor('a')).toBe(1500);
    clock.advance(1500);
    expect(throttle.delayFor('a')).toBe(0);
    expect(throttle.delayFor('b')).toBe(0); // accounts are independent
  });

  it('resets on success', () => {
    const clock = createTestClock();
    const throttle = createTestThrottle(clock);
    for (let failure = 0; failure < 6; failure += 1) throttle.recordFailure('a');
    throttle.recordSuccess('a');
    expect(throttle.delayFor('a')).toBe(0);
    throttle.recordFailure('a');
    expect(throttle.delayFor('a')).toBe(0);
  });

  it('throws too_many_requests with whole seconds to wait', () => {
    const clock = createTestClock();
    const throttle = createTestThrottle(clock);
    expect(() => throttle.assertAllowed('a')).not.toThrow();
    for (let failure = 0; failure < 4; failure += 1) throttle.recordFailure('a');
    clock.advance(500);
    let refusal: unknown;
    try {
      throttle.assertAllowed('a');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'too_many_requests', details: { retryAfterSeconds: 2 } });
  });

  it('forgets a streak after a quiet period and never holds more than maxAccounts', () => {
    const clock = createTestClock();
    const throttle = createTestThrottle(clock, { forgetAfterMs: 60_000, maxAccounts: 50 });
    for (let failure = 0; failure < 5; failure += 1) throttle.recordFailure('a');
    clock.advance(60_000);
    expect(throttle.delayFor('a')).toBe(0);
    throttle.recordFailure('a');
    expect(throttle.delayFor('a')).toBe(0); // a new streak starts from one failure
    for (let index = 0; index < 200; index += 1) throttle.recordFailure(`user-${index}`);
    expect(throttle.size()).toBe(50);
    clock.advance(60_000);
    throttle.recordFailure('late');
    expect(throttle.size()).toBe(1);
  });
});
