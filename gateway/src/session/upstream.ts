import { isIPv6 } from 'node:net';
import type { Request } from 'express';
import { AppError } from '@ecommerce/platform';

/** What the command API answered, as the session routes need it. */
export interface UpstreamAnswer {
  status: number;
  body: unknown;
  headers: Headers;
}

/** Where the command API's auth routes are for this request. */
export type CommandApiBase = (req: Request) => string;

/**
 * In one process the command API is mounted in this very server: the session routes call its
 * routes over loopback, so the login and refresh rate limits, throttling and validation apply
 * exactly as for a direct call (the client's address goes along as X-Forwarded-For, which the
 * APIs trust from loopback only).
 */
export const sameServer: CommandApiBase = (req) => {
  const local = req.socket.localAddress ?? '127.0.0.1';
  const host = isIPv6(local) && !local.startsWith('::ffff:') ? '[::1]' : '127.0.0.1';
  return `http://${host}:${req.socket.localPort}`;
};

export const remoteCommandApi = (url: string): CommandApiBase => () => url.replace(/\/+$/, '');

export async function callCommandApi(base: CommandApiBase, req: Request, path: string, body: unknown): Promise<UpstreamAnswer> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  for (const name of ['x-correlation-id', 'idempotency-key'] as const) {
    const value = req.header(name);
    if (value !== undefined) headers[name] = value;
  }
  if (req.ip) headers['x-forwarded-for'] = req.ip;
  headers['x-forwarded-proto'] = req.protocol;
  let response: Response;
  try {
    response = await fetch(`${base(req)}${path}`, { method: 'POST', headers, body: JSON.stringify(body), redirect: 'error' });
  } catch (error) {
    throw new AppError('unavailable', 'the command API cannot be reached', { retriable: true, cause: error });
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new AppError('unavailable', `the command API answered ${response.status} without JSON`, { retriable: true });
    }
  }
  return { status: response.status, body: parsed, headers: response.headers };
}
