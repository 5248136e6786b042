import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router } from 'express';
import { createLogger, createMetrics } from '@ecommerce/platform';
import { createGateway } from './gateway';

describe('the gateway in one process with the APIs', () => {
  let server: Server;
  let base: string;
  const queryCalls: string[] = [];

  beforeAll(async () => {
    // a query router that would answer any method on its path, as a careless route could
    const query = Router();
    query.all('/api/things', (req, res) => {
      queryCalls.push(req.method);
      res.json({ from: 'query' });
    });
    const command = Router();
    command.post('/api/things', (_req, res) => void res.status(202).json({ from: 'command' }));
    const gateway = createGateway({
      upstreams: { kind: 'in-process', command, query, openapi: [] },
      logger: createLogger({ level: 'silent' }), metrics: createMetrics(), bodyLimitBytes: 1024, health: {},
      identify: () => null, jwks: async () => ({ keys: [] }),
    });
    server = await new Promise<Server>((resolve) => {
      const listening = gateway.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends reads to the query API and writes past it, to the command API', async () => {
    expect(await (await fetch(`${base}/api/things`)).json()).toEqual({ from: 'query' });
    expect((await fetch(`${base}/api/things`, { method: 'HEAD' })).status).toBe(200);
    const write = await fetch(`${base}/api/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect({ status: write.status, body: await write.json() }).toEqual({ status: 202, body: { from: 'command' } });
    expect(queryCalls).toEqual(['GET', 'HEAD']);
  });
});
