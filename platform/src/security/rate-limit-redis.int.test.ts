import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Registry } from 'prom-client';
import type { Redis } from 'ioredis';
import { createLoginThrottle } from './login-throttle';
import { createRateLimiter } from './rate-limit';
import { createRedisRateLimitBackend, openRateLimitRedis, redisReady } from './rate-limit-redis';

const redisUrl = process.env.REDIS_URL;
if (!redisUrl) console.warn('redis rate-limit suite skipped: set REDIS_URL to run it (scripts/infra/redis.sh start)');
const describeWithRedis = redisUrl ? describe : describe.skip;

describeWithRedis('rate limits in Redis, shared by instances', () => {
  const clients: Redis[] = [];
  /** Each "instance" gets its own connection, as separate processes would. */
  const instance = async (prefix: string) => {
    const client = openRateLimitRedis(redisUrl as string, () => undefined);
    clients.push(client);
    expect(await redisReady(client, 10_000)).toBe(true);
    return createRedisRateLimitBackend(client, { prefix });
  };
  afterAll(async () => {
    for (const client of clients) await client.quit();
  });

  it('two instances draw on one budget', async () => {
    const prefix = `test-${randomUUID()}:`;
    const [first, second] = [await instance(prefix), await instance(prefix)];
    const limiters = [createRateLimiter({ name: 'login-ip', windowMs: 60_000, max: 5, backend: first }), createRateLimiter({ name: 'login-ip', windowMs: 60_000, max: 5, backend: second })];
    const allowed: boolean[] = [];
    for (let hit = 0; hit < 10; hit += 1) allowed.push((await (limiters[hit % 2] as (typeof limiters)[0]).hit('ip:10.0.0.1')).allowed);
    expect(allowed.filter(Boolean)).toHaveLength(5);
    expect(allowed.slice(5)).toEqual([false, false, false, false, false]);
    const refusal = await limiters[0]?.hit('ip:10.0.0.1');
    expect(refusal?.retryAfterSeconds).toBeGreaterThanOrEqual(59);
  });

  it('environments with another prefix count apart', async () => {
    const shared = `test-${randomUUID()}:`;
    const [mine, theirs] = [await instance(shared), await instance(`test-${randomUUID()}:`)];
    await createRateLimiter({ name: 'x', windowMs: 60_000, max: 1, backend: mine }).hit('k');
    expect((await createRateLimiter({ name: 'x', windowMs: 60_000, max: 1, backend: theirs }).hit('k')).allowed).toBe(true);
    expect((await createRateLimiter({ name: 'x', windowMs: 60_000, max: 1, backend: mine }).hit('k')).allowed).toBe(false);
  });

  it('a failure streak seen by one instance throttles logins at the other, and a success at either ends it', async () => {
    const prefix = `test-${randomUUID()}:`;
    const [first, second] = [createLoginThrottle({ backend: await instance(prefix) }), createLoginThrottle({ backend: await instance(prefix) })];
    await first.recordFailure('jane@example.com');
    await second.recordFailure('jane@example.com');
    await first.recordFailure('jane@example.com');
    await expect(second.assertAllowed('jane@example.com')).rejects.toMatchObject({ code: 'too_many_requests', details: { retryAfterSeconds: 1 } });
    await first.recordSuccess('jane@example.com');
    await expect(second.assertAllowed('jane@example.com')).resolves.toBeUndefined();
  });
});

describe('rate limits when Redis cannot be reached', () => {
  it('answer within milliseconds from process memory, still limiting, and count the fallbacks', async () => {
    // A port nothing listens on: connection refused, as with Redis down.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    const errors: Error[] = [];
    const client = openRateLimitRedis(`redis://127.0.0.1:${port}`, (error) => void errors.push(error));
    const registry = new Registry();
    const fallbacks: string[] = [];
    const backend = createRedisRateLimitBackend(client, { registry, onStoreFailure: (_error, limiter) => void fallbacks.push(limiter) });
    try {
      const limiter = createRateLimiter({ name: 'requests-ip', windowMs: 60_000, max: 2, backend });
      const started = performance.now();
      const allowed = [];
      for (let hit = 0; hit < 3; hit += 1) allowed.push((await limiter.hit('ip:1')).allowed);
      expect(performance.now() - started).toBeLessThan(500);
      expect(allowed).toEqual([true, true, false]);
      expect(fallbacks).toEqual(['limit:requests-ip', 'limit:requests-ip', 'limit:requests-ip']);
      expect(await registry.getSingleMetricAsString('rate_limit_store_failures_total')).toContain('rate_limit_store_failures_total{limiter="limit:requests-ip"} 3');
      expect(await backend.health()).toMatchObject({ ok: true, detail: expect.stringContaining('per-process limits') });
      const throttle = createLoginThrottle({ backend, freeAttempts: 1 });
      await throttle.recordFailure('a@example.com');
      await expect(throttle.assertAllowed('a@example.com')).rejects.toMatchObject({ code: 'too_many_requests' }); // fails to local, not open
      // what a process waits at start for a Redis that is down: the wait, then it goes on
      const listeners = client.listenerCount('ready');
      expect(await redisReady(client, 200)).toBe(false);
      expect(client.listenerCount('ready')).toBe(listeners);
    } finally {
      client.disconnect();
    }
  });
});
