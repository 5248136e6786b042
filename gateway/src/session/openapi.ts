import type { z } from 'zod';
import { OpenAPIRegistry, describeRoute } from '@ecommerce/platform';
import { refreshCookieName } from './cookies';
import { csrfHeaders, sessionSchema } from './schemas';

/**
 * The session routes in the OpenAPI document. `loginBody` is the command API's own schema
 * (given by the composition root: the gateway does not import the schemas package), so the
 * two login routes cannot drift apart.
 */
export function describeSessionRoutes(loginBody: z.ZodType): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  const tags = ['auth'];
  const session = { description: `the access token; the refresh token is set in the httpOnly cookie \`${refreshCookieName}\``, schema: sessionSchema };
  const csrf = { 403: { description: 'the CSRF header is missing, or the request comes from another origin' } };
  const limited = { 429: { description: 'too many attempts; see Retry-After' } };
  describeRoute(registry, {
    method: 'post', path: '/api/auth/session', public: true, tags, body: loginBody, headers: csrfHeaders,
    summary: 'Browser login: as POST /api/auth/login, but the refresh token goes into an httpOnly, SameSite=Strict cookie scoped to /api/auth/session',
    responses: { 200: session, 401: { description: 'invalid email or password' }, ...csrf, ...limited },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/auth/session/refresh', public: true, tags, headers: csrfHeaders,
    summary: 'Rotate the session cookie\'s refresh token and get a new access token; reusing an old one ends the whole session family',
    responses: { 200: session, 401: { description: 'no session cookie, or its token is invalid, expired, revoked or reused (the cookie is cleared)' }, ...csrf, ...limited },
  });
  describeRoute(registry, {
    method: 'delete', path: '/api/auth/session', public: true, tags, headers: csrfHeaders,
    summary: 'Log out: end the session of the cookie\'s refresh token and clear the cookie',
    responses: { 204: { description: 'done (also without a session)' }, ...csrf, ...limited },
  });
  return registry;
}
