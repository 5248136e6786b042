import { Router } from 'express';
import type { Request } from 'express';
import { byClientIp, createRateLimiter, describeRoute, encodeConsistencyToken, parseIfMatch, parseInput, rateLimit, requirePrincipal } from '@ecommerce/platform';
import type { OpenAPIRegistry, RateLimitBackend } from '@ecommerce/platform';
import {
  changePasswordBody, changeRoleBody, commandAcceptedSchema, disableUserBody, idempotencyHeaders, ifMatchHeaders, jwksSchema, loginBody, logoutBody, refreshBody, registerBody, tokensSchema, updateProfileBody, userIdParams,
} from '@ecommerce/schemas';
import type { Accounts } from '../identity/accounts';
import type { CommandAnswer } from '../command-answer';

const accepted = (result: CommandAnswer) => ({ id: result.id, revision: result.revision, position: result.position, consistencyToken: encodeConsistencyToken(result) });

/** The email a login or registration is about, for per-account limits (lower-cased, as normalization does). */
const accountOf = (req: Request): string | undefined => {
  const email = (req.body as { email?: unknown } | undefined)?.email;
  return typeof email === 'string' ? `account:${email.trim().toLowerCase()}` : undefined;
};

export interface IdentityRouteLimits {
  perIpPerMinute: { login: number; register: number; refresh: number };
  perAccountPerMinute: number;
  /** Refreshes per account (whatever session or address): a stolen refresh token cannot be spun without bound. */
  refreshPerAccountPerMinute?: number;
}

export const defaultIdentityLimits: IdentityRouteLimits = { perIpPerMinute: { login: 20, register: 10, refresh: 60 }, perAccountPerMinute: 10 };

/** Accounts, sessions and users (DESIGN §7); auth routes are rate limited per IP and per account. */
export function identityRoutes({ accounts, jwks, limits = defaultIdentityLimits, backend }: { accounts: Accounts; jwks: () => object; limits?: IdentityRouteLimits; backend?: RateLimitBackend }): Router {
  const router = Router();
  // The public keys, for gateways and anyone verifying our tokens (the gateway serves its cached copy publicly).
  router.get('/api/auth/jwks.json', (_req, res) => void res.set('Cache-Control', 'public, max-age=60').json(jwks()));
  const minute = 60_000;
  // With a shared backend (Redis) every instance of the command API counts into the same windows.
  const limiter = (name: string, max: number) => createRateLimiter({ name, windowMs: minute, max, backend });
  const perIp = {
    login: rateLimit(limiter('login-ip', limits.perIpPerMinute.login), (req) => `ip:${byClientIp(req) ?? 'unknown'}`),
    register: rateLimit(limiter('register-ip', limits.perIpPerMinute.register), (req) => `ip:${byClientIp(req) ?? 'unknown'}`),
    refresh: rateLimit(limiter('refresh-ip', limits.perIpPerMinute.refresh), (req) => `ip:${byClientIp(req) ?? 'unknown'}`),
  };
  const perAccount = rateLimit(limiter('auth-account', limits.perAccountPerMinute), accountOf);

  router.post('/api/auth/register', perIp.register, perAccount, async (req, res) => {
    const body = parseInput(registerBody, req.body, 'body');
    const result = await accounts.register(body);
    res.status(201).set({ Location: '/api/me', 'X-Consistency-Token': encodeConsistencyToken(result) }).json(accepted(result));
  });

  router.post('/api/auth/login', perIp.login, perAccount, async (req, res) => {
    const body = parseInput(loginBody, req.body, 'body');
    res.set('Cache-Control', 'no-store').json(await accounts.login(body));
  });

  router.post('/api/auth/refresh', perIp.refresh, async (req, res) => {
    const body = parseInput(refreshBody, req.body, 'body');
    res.set('Cache-Control', 'no-store').json(await accounts.refresh(body.refreshToken));
  });

  router.post('/api/auth/logout', perIp.refresh, async (req, res) => {
    const body = parseInput(logoutBody, req.body, 'body');
    await accounts.logout(body.refreshToken);
    res.status(204).end();
  });

  router.patch('/api/me', async (req, res) => {
    const principal = requirePrincipal(req);
    parseIfMatch(req.header('if-match'));
    const body = parseInput(updateProfileBody, req.body, 'body');
    const result = await accounts.updateProfile(principal, body);
    res.status(202).set('X-Consistency-Token', encodeConsistencyToken(result)).json(accepted(result));
  });

  router.post('/api/me/password', async (req, res) => {
    const principal = requirePrincipal(req);
    const body = parseInput(changePasswordBody, req.body, 'body');
    const result = await accounts.changePassword(principal, body);
    res.status(202).set('X-Consistency-Token', encodeConsistencyToken(result)).json(accepted(result));
  });

  router.post('/api/admin/users/:id/disable', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(userIdParams, req.params, 'params');
    const body = parseInput(disableUserBody, req.body ?? {}, 'body');
    const result = await accounts.disable(principal, id, body.reason);
    res.status(202).set('X-Consistency-Token', encodeConsistencyToken(result)).json(accepted(result));
  });

  router.post('/api/admin/users/:id/enable', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(userIdParams, req.params, 'params');
    const result = await accounts.enable(principal, id);
    res.status(202).set('X-Consistency-Token', encodeConsistencyToken(result)).json(accepted(result));
  });

  router.post('/api/admin/users/:id/role', async (req, res) => {
    const principal = requirePrincipal(req);
    const { id } = parseInput(userIdParams, req.params, 'params');
    const body = parseInput(changeRoleBody, req.body, 'body');
    const result = await accounts.changeRole(principal, id, body.role);
    res.status(202).set('X-Consistency-Token', encodeConsistencyToken(result)).json(accepted(result));
  });

  return router;
}

export function describeIdentityRoutes(registry: OpenAPIRegistry): void {
  const auth = ['auth'];
  const done = { description: 'accepted; `X-Consistency-Token` lets a read wait for it', schema: commandAcceptedSchema };
  const limited = { 429: { description: 'too many attempts; see Retry-After' } };
  const inProgress = { 409: { description: 'a request with this Idempotency-Key is in progress' } };
  const headers = idempotencyHeaders;
  describeRoute(registry, { method: 'get', path: '/api/auth/jwks.json', public: true, summary: 'The public keys (JWKS) that verify access tokens; old keys stay until their tokens expire', tags: auth, responses: { 200: { description: 'JSON Web Key Set', schema: jwksSchema } } });
  describeRoute(registry, { method: 'post', path: '/api/auth/register', public: true, summary: 'Create a customer account (unique email, password policy)', tags: auth, body: registerBody, headers, responses: { 201: done, 409: { description: 'email already registered, or a request with this Idempotency-Key is in progress' }, ...limited } });
  describeRoute(registry, { method: 'post', path: '/api/auth/login', public: true, summary: 'Exchange email and password for an access token (ES256 JWT, short-lived) and a rotating refresh token', tags: auth, body: loginBody, headers, responses: { 200: { description: 'tokens', schema: tokensSchema }, 401: { description: 'invalid email or password' }, ...inProgress, ...limited } });
  describeRoute(registry, { method: 'post', path: '/api/auth/refresh', public: true, summary: 'Rotate a refresh token; reusing an old one revokes its whole family', tags: auth, body: refreshBody, headers, responses: { 200: { description: 'new tokens', schema: tokensSchema }, 401: { description: 'invalid, expired, revoked or reused' }, ...inProgress, ...limited } });
  describeRoute(registry, { method: 'post', path: '/api/auth/logout', public: true, summary: 'End the session of a refresh token', tags: auth, body: logoutBody, headers, responses: { 204: { description: 'done' }, ...inProgress, ...limited } });
  describeRoute(registry, { method: 'patch', path: '/api/me', summary: 'Update your profile', tags: ['me'], body: updateProfileBody, headers: ifMatchHeaders, responses: { 202: done, 404: { description: 'no account for the caller' }, 409: { description: 'a concurrent change won' } } });
  describeRoute(registry, { method: 'post', path: '/api/me/password', summary: 'Change your password; every session ends', tags: ['me'], body: changePasswordBody, headers, responses: { 202: done, 404: { description: 'no account for the caller' }, ...inProgress } });
  for (const [action, summary, body] of [['disable', 'Disable a user (admin): refreshes stop at once, access tokens at their expiry', disableUserBody], ['enable', 'Enable a user again (admin)', undefined], ['role', "Change a user's role (admin)", changeRoleBody]] as const) {
    describeRoute(registry, {
      method: 'post', path: `/api/admin/users/{id}/${action}`, summary, tags: ['admin'], params: userIdParams, headers, ...(body ? { body, bodyOptional: action === 'disable' } : {}),
      responses: { 202: done, 403: { description: 'admins only' }, 404: { description: 'unknown user' }, 409: { description: 'not possible in the user\'s state (an admin disabling or demoting themselves), or a request with this Idempotency-Key is in progress' } },
    });
  }
}
