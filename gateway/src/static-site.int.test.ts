import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { staticSite } from './static-site';

describe('the web shop\'s files, served by the gateway', () => {
  let root: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'web-dist-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>Shop</title>');
    writeFileSync(join(root, 'assets', 'index-Ab12.js'), 'console.log(1)');
    const app = express();
    app.use(staticSite(root));
    app.use((req, res) => void res.status(404).json({ from: 'api', path: req.path }));
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('caches hashed assets for a year and revalidates index.html on every load', async () => {
    const asset = await fetch(`${base}/assets/index-Ab12.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await page.text()).toContain('<title>Shop</title>');
  });

  it('answers client routes with index.html, so a reload of /orders/42 works', async () => {
    for (const path of ['/orders/42', '/admin/shipments', '/products/abc?x=1']) {
      const page = await fetch(`${base}${path}`, { headers: { accept: 'text/html,application/xhtml+xml' } });
      expect({ path, status: page.status, cache: page.headers.get('cache-control') }).toEqual({ path, status: 200, cache: 'no-cache' });
    }
  });

  it('never answers the API, docs, health, metrics, OpenAPI, GraphQL or image paths with the page', async () => {
    for (const path of ['/api/products/x', '/api', '/docs', '/health', '/metrics', '/openapi.json', '/graphql', '/images/a.webp']) {
      const answer = await fetch(`${base}${path}`, { headers: { accept: 'text/html' } });
      expect({ path, body: await answer.json() }).toEqual({ path, body: { from: 'api', path } });
    }
  });

  it('leaves a missing asset and a JSON request to the 404 that follows', async () => {
    for (const path of ['/assets/missing.js', '/favicon.ico']) expect((await fetch(`${base}${path}`, { headers: { accept: '*/*' } })).status).toBe(404);
    const json = await fetch(`${base}/orders/42`, { headers: { accept: 'application/json' } });
    expect(json.status).toBe(404);
  });
});
