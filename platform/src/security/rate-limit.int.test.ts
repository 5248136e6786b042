import type { AddressInfo } from 'node:net';
import express from 'express';
import { createLogger } from '../observability/logger';
import { problemDetails } from '../http/problem';
import { byClientIp, createRateLimiter, rateLimit } from './rate-limit';

describe('rateLimit behind the problem middleware (real HTTP)', () => {
  it('answers 429 problem+json with Retry-After once the limit is reached', async () => {
    const app = express();
    app.use(rateLimit(createRateLimiter({ name: 'http', windowMs: 60_000, max: 2 }), byClientIp));
    app.get('/ping', (_req, res) => void res.json({ ok: true }));
    app.use(problemDetails(createLogger({ level: 'silent' })));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
    try {
      expect((await fetch(url)).status).toBe(200);
      expect((await fetch(url)).status).toBe(200);
      const refused = await fetch(url);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(await refused.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
