import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { repoRoot } from './compose-file';

const script = join(repoRoot, 'deploy/healthcheck.js');

/** Runs the container health check the way Docker does (a child process) and returns its exit code. */
function check(args: string[], env: Record<string, string> = {}): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    child.on('exit', (code) => resolve(code));
  });
}

async function serve(status: (path: string) => number) {
  const server = createServer((req, res) => res.writeHead(status(req.url ?? '')).end());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('deploy/healthcheck.js', () => {
  it('passes when /health/live answers 2xx on the given port', async () => {
    const server = await serve((path) => (path === '/health/live' ? 200 : 404));
    try {
      expect(await check([String(server.port)])).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('reads the port from PORT when none is given', async () => {
    const server = await serve((path) => (path === '/health/live' ? 200 : 404));
    try {
      expect(await check([], { PORT: String(server.port) })).toBe(0);
    } finally {
      await server.close();
    }
  });

  it('fails on an error status and when nothing listens', async () => {
    const server = await serve(() => 503);
    const { port } = server;
    try {
      expect(await check([String(port)])).toBe(1);
    } finally {
      await server.close();
    }
    expect(await check([String(port)])).toBe(1);
  });

  it('in --process mode passes while PID 1 exists (in a container: the CLI itself)', () => {
    expect(spawnSync(process.execPath, [script, '--process']).status).toBe(0);
  });
});
