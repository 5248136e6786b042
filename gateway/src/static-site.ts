import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import type { Request } from 'express';

/** Paths that belong to the API and operations: never answered with the shop's page. */
const reserved = ['/api', '/docs', '/health', '/metrics', '/openapi.json', '/graphql', '/images'];

const isReserved = (path: string) => reserved.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));

/** A file name (`/assets/x.js`, `/favicon.ico`): missing, it is a 404, never the page. */
const isFile = (path: string) => path.startsWith('/assets/') || /\.[A-Za-z0-9]+$/.test(path);

/** A browser navigating to a client route (not a script asking for JSON, not a missing asset). */
const wantsPage = (req: Request) => (req.method === 'GET' || req.method === 'HEAD') && !isReserved(req.path) && !isFile(req.path) && req.accepts(['html', 'json']) === 'html';

const notBuilt = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>The shop is not built</title></head>
<body><h1>The web shop is not built yet</h1><p>Run <code>npm run build -w web</code> (done by <code>npm ci</code> / <code>npm install</code>), then reload. The API is at <a href="/docs">/docs</a>.</p></body></html>`;

/**
 * The web shop's files (Vite's `dist`): hashed assets cached for a year, `index.html` revalidated
 * on every load so a new release is picked up at once, and every other page path answered with
 * `index.html` so that client routes survive a reload.
 */
export function staticSite(root: string): Router {
  const router = Router();
  const index = join(root, 'index.html');
  const files = express.static(root, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      if (path.startsWith(join(root, 'assets'))) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  // the API's paths never name a file here: no file-system lookup for each API request
  router.use((req, res, next) => (isReserved(req.path) ? next() : files(req, res, next)));
  router.use((req, res, next) => {
    if (!wantsPage(req)) return next();
    if (!existsSync(index)) return void res.status(503).set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).send(notBuilt);
    res.sendFile(index, { headers: { 'Cache-Control': 'no-cache' }, dotfiles: 'deny' }, (error) => (error ? next(error) : undefined));
  });
  return router;
}
