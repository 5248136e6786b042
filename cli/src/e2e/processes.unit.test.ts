import { createServer } from 'node:net';
import { ephemeralRangeStart, freePort } from './processes';

describe('freePort', () => {
  it('hands out a loopback port below the ephemeral range that a server can then listen on', async () => {
    const ports = await Promise.all(Array.from({ length: 20 }, () => freePort()));
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(1_024);
      expect(port).toBeLessThan(ephemeralRangeStart());
    }
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(ports[0], '127.0.0.1', resolve));
    await new Promise((resolve) => server.close(resolve));
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('leaves out the ports the environment names, whose servers may be down for a moment', async () => {
    const high = ephemeralRangeStart();
    const low = Math.max(1_024, Math.min(10_000, high - 5_000));
    const named = Array.from({ length: 2_000 }, (_, index) => low + index);
    const saved = process.env.FREE_PORT_TEST_URLS;
    process.env.FREE_PORT_TEST_URLS = named.map((port) => `127.0.0.1:${port}`).join(',');
    try {
      const ports = await Promise.all(Array.from({ length: 50 }, () => freePort()));
      for (const port of ports) expect(named).not.toContain(port);
    } finally {
      if (saved === undefined) delete process.env.FREE_PORT_TEST_URLS;
      else process.env.FREE_PORT_TEST_URLS = saved;
    }
  });
});
