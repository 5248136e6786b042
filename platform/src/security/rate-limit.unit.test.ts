import type { Request } from 'express';
import { AppError } from '../errors';
import { createRateLimiter, rateLimit } from './rate-limit';

function createTestClock(start = 1_000_000) {
  const clock = { at: start, now: () => clock.at, advance: (ms: number) => void (clock.at += ms) };
  return clock;
}

describe('sliding-window rate limiter', () => {
  it('allows max hits in any window and says when the next one will pass', () => {
    const clock = createTestClock();
    const limiter = createRateLimiter({ windowMs: 60_000, max: 3, now: clock.now });
    expect(limiter.hit('1.2.3.4')).toEqual({ allowed: true, retryAfterSeconds: 0 });
    clock.advance(10_000);
    expect(limiter.hit('1.2.3.4').allowed).toBe(true);
    expect(limiter.check('1.2.3.4').allowed).toBe(true);
    expect(limiter.hit('1.2.3.4')).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect(limiter.hit('5.6.7.8').allowed).toBe(true); // keys are independent
  });

  it('slides: the oldest hit leaving the window frees exactly one slot', () => {
    const clock = createTestClock();
    const limiter = createRateLimiter({ windowMs: 60_000, max: 2, now: clock.now });
    limiter.hit('k');
    clock.advance(30_000);
    limiter.hit('k');
    clock.advance(29_999);
    expect(limiter.hit('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.advance(1);
    expect(limiter.hit('k').allowed).toBe(true);
    expect(limiter.hit('k')).toEqual({ allowed: false, retryAfterSeconds: 30 });
  });

  it('does not count refused hits, so waiting the advertised time is enough', () => {
    const clock = createTestClock();
    const limiter = createRateLimiter({ windowMs: 10_000, max: 1, now: clock.now });
    limiter.hit('k');
    for (let attempt = 0; attempt < 20; attempt += 1) expect(limiter.hit('k').allowed).toBe(false);
    clock.advance(10_000);
    expect(limiter.hit('k').allowed).toBe(true);
  });

  it('forgets idle keys and never holds more than maxKeys', () => {
    const clock = createTestClock();
    const limiter = createRateLimiter({ windowMs: 1_000, max: 1, maxKeys: 100, now: clock.now });
    for (let index = 0; index < 50; index += 1) limiter.hit(`idle-${index}`);
    clock.advance(1_000);
    limiter.hit('fresh');
    expect(limiter.size()).toBe(1);
    for (let index = 0; index < 500; index += 1) limiter.hit(`flood-${index}`);
    expect(limiter.size()).toBe(100);
    expect(limiter.hit('flood-499').allowed).toBe(false); // the most recent keys are the ones kept
  });

  it('resets a key', () => {
    const limiter = createRateLimiter({ windowMs: 1_000, max: 1, now: createTestClock().now });
    limiter.hit('k');
    limiter.reset('k');
    expect(limiter.hit('k').allowed).toBe(true);
  });
});

describe('rateLimit middleware', () => {
  const run = (handler: ReturnType<typeof rateLimit>, req: Partial<Request>) => {
    const next = jest.fn();
    void handler(req as Request, {} as never, next);
    return next.mock.calls[0]?.[0] as unknown;
  };

  it('passes allowed requests on and refuses the rest with too_many_requests and retryAfterSeconds', () => {
    const clock = createTestClock();
    const handler = rateLimit(createRateLimiter({ windowMs: 60_000, max: 1, now: clock.now }), (req) => req.ip);
    expect(run(handler, { ip: '10.0.0.1' })).toBeUndefined();
    const refusal = run(handler, { ip: '10.0.0.1' });
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'too_many_requests', details: { retryAfterSeconds: 60 } });
  });

  it('leaves requests it cannot key alone', () => {
    const handler = rateLimit(createRateLimiter({ windowMs: 60_000, max: 1 }), () => undefined);
    expect(run(handler, {})).toBeUndefined();
    expect(run(handler, {})).toBeUndefined();
  });
});
