import type { Request } from 'express';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { AppError } from '../errors';
import { assertWithinLimit, createRateLimiter, rateLimit } from './rate-limit';
import type { RateLimitBackend } from './rate-limit';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('fixed-window rate limiter (process memory)', () => {
  it('allows max hits in a window, refuses the rest with the seconds left, and keys apart', async () => {
    const limiter = createRateLimiter({ name: 't1', windowMs: 60_000, max: 3 });
    const decisions = [];
    for (let hit = 0; hit < 5; hit += 1) decisions.push(await limiter.hit('1.2.3.4'));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions[0]).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(decisions[3]?.retryAfterSeconds).toBeGreaterThanOrEqual(59);
    expect(decisions[3]?.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.hit('5.6.7.8')).allowed).toBe(true);
  });

  it('opens again when the window has passed', async () => {
    const limiter = createRateLimiter({ name: 't2', windowMs: 1000, max: 1 });
    expect((await limiter.hit('k')).allowed).toBe(true);
    expect(await limiter.hit('k')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    await sleep(1050);
    expect((await limiter.hit('k')).allowed).toBe(true);
  });

  it('resets a key', async () => {
    const limiter = createRateLimiter({ name: 't3', windowMs: 60_000, max: 1 });
    await limiter.hit('k');
    await limiter.reset('k');
    expect((await limiter.hit('k')).allowed).toBe(true);
  });

  it('refuses windows it cannot count', () => {
    expect(() => createRateLimiter({ name: 't4', windowMs: 0, max: 1 })).toThrow('windowMs > 0');
    expect(() => createRateLimiter({ name: 't4', windowMs: 1000, max: 0 })).toThrow('max ≥ 1');
  });

  it('assertWithinLimit throws too_many_requests with retryAfterSeconds', async () => {
    const limiter = createRateLimiter({ name: 't5', windowMs: 30_000, max: 1 });
    await assertWithinLimit(limiter, 'user:1');
    await expect(assertWithinLimit(limiter, 'user:1', 'slow down')).rejects.toMatchObject({ code: 'too_many_requests', message: 'slow down', details: { retryAfterSeconds: 30 } });
  });
});

describe('a backend whose store fails', () => {
  /** A store that throws on every call, as a Redis limiter does when Redis is down. */
  const createBrokenBackend = (failures: string[]): RateLimitBackend => ({
    kind: 'redis',
    create: (options) => {
      const limiter = new RateLimiterMemory(options);
      const broken = () => Promise.reject(new Error('connect ECONNREFUSED'));
      return Object.assign(limiter, { consume: broken, get: broken, delete: broken, block: broken });
    },
    onStoreFailure: (_error, name) => void failures.push(name),
  });

  it('falls back to process memory: the limit still holds, and each fallback is reported', async () => {
    const failures: string[] = [];
    const limiter = createRateLimiter({ name: 'login-ip', windowMs: 60_000, max: 2, backend: createBrokenBackend(failures) });
    const allowed = [];
    for (let hit = 0; hit < 4; hit += 1) allowed.push((await limiter.hit('ip:1')).allowed);
    expect(allowed).toEqual([true, true, false, false]);
    expect(failures).toEqual(['limit:login-ip', 'limit:login-ip', 'limit:login-ip', 'limit:login-ip']);
  });
});

describe('rateLimit middleware', () => {
  const run = async (handler: ReturnType<typeof rateLimit>, req: Partial<Request>) => {
    const next = jest.fn();
    void handler(req as Request, {} as never, next);
    await sleep(5);
    return next.mock.calls[0]?.[0] as unknown;
  };

  it('passes allowed requests on and refuses the rest with too_many_requests and retryAfterSeconds', async () => {
    const handler = rateLimit(createRateLimiter({ name: 'm1', windowMs: 60_000, max: 1 }), (req) => req.ip);
    expect(await run(handler, { ip: '10.0.0.1' })).toBeUndefined();
    const refusal = await run(handler, { ip: '10.0.0.1' });
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'too_many_requests', details: { retryAfterSeconds: 60 } });
  });

  it('leaves requests it cannot key alone', async () => {
    const handler = rateLimit(createRateLimiter({ name: 'm2', windowMs: 60_000, max: 1 }), () => undefined);
    expect(await run(handler, {})).toBeUndefined();
    expect(await run(handler, {})).toBeUndefined();
  });
});
