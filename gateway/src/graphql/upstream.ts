import type { Request } from 'express';
import { principalHeader } from '@ecommerce/platform';
import { GraphQLError } from 'graphql';
import { sameServer } from '../session';
import { upstreamError } from './errors';
import type { UpstreamProblem } from './errors';

/**
 * Where the resolvers send their calls. `remote`: the query and command APIs' URLs (distributed
 * topology), with the principal header the gateway set from `identify`, as its proxy forwards it.
 * `same-server`: the APIs are routers inside this gateway (embedded topology); the call goes back
 * into this very server over loopback (as the session routes do), with the caller's Authorization
 * and address (X-Forwarded-For, trusted from loopback only), so it passes the same identity check,
 * rate limit and route handlers as a REST call — no second way into the routers to keep honest,
 * and no internal server with its own lifecycle.
 */
export type UpstreamTarget = { kind: 'remote'; commandUrl: string; queryUrl: string } | { kind: 'same-server' };

export type QueryValue = string | number | boolean | null | undefined;

export interface UpstreamCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  consistencyToken?: string | null;
  idempotencyKey?: string | null;
}

/** One GraphQL request's way to the APIs: JSON of a 2xx answer, or the refusal as a GraphQL error. */
export interface Upstream {
  call<T>(api: 'query' | 'command', call: UpstreamCall): Promise<T>;
}

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The identity and tracing the gateway established for this request, carried to the API. */
function forwardedHeaders(target: UpstreamTarget, req: Request): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const correlationId = req.header('x-correlation-id');
  if (correlationId) headers['x-correlation-id'] = correlationId;
  if (req.ip) headers['x-forwarded-for'] = req.ip;
  if (target.kind === 'remote') {
    const principal = req.header(principalHeader);
    if (principal) headers[principalHeader] = principal;
  } else {
    const authorization = req.header('authorization');
    if (authorization) headers.authorization = authorization;
  }
  return headers;
}

function urlOf(base: string, call: UpstreamCall): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(call.query ?? {})) if (value !== undefined && value !== null) search.set(name, String(value));
  const query = search.toString();
  return `${base}${call.path}${query ? `?${query}` : ''}`;
}

async function parsed(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function createUpstream(target: UpstreamTarget, req: Request, fetchImpl: FetchLike = fetch): Upstream {
  const base = (api: 'query' | 'command') => (target.kind === 'remote' ? (api === 'query' ? target.queryUrl : target.commandUrl) : sameServer(req));
  const forwarded = forwardedHeaders(target, req);
  return {
    async call<T>(api: 'query' | 'command', call: UpstreamCall): Promise<T> {
      const headers: Record<string, string> = { ...forwarded };
      if (call.body !== undefined) headers['content-type'] = 'application/json';
      if (call.consistencyToken) headers['x-consistency-token'] = call.consistencyToken;
      if (call.idempotencyKey) headers['idempotency-key'] = call.idempotencyKey;
      let response: Response;
      try {
        response = await fetchImpl(urlOf(base(api).replace(/\/+$/, ''), call), {
          method: call.method, headers, body: call.body === undefined ? undefined : JSON.stringify(call.body), redirect: 'error',
        });
      } catch {
        throw new GraphQLError(`the ${api} API cannot be reached`, { extensions: { code: 'UNAVAILABLE', status: 503 } });
      }
      const body = await parsed(response);
      if (!response.ok) throw upstreamError(response.status, body as UpstreamProblem | undefined, response.headers.get('retry-after'));
      return body as T;
    },
  };
}
