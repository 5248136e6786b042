import { Router } from 'express';
import type { Request, Response } from 'express';
import { AppError, jsonBody, sendProblem } from '@ecommerce/platform';
import type { Problem } from '@ecommerce/platform';
import { clearedRefreshCookie, readCookie, refreshCookie, refreshCookieName } from './cookies';
import type { CookieFlags } from './cookies';
import { requireCsrfProtection } from './csrf';
import { callCommandApi } from './upstream';
import type { CommandApiBase, UpstreamAnswer } from './upstream';
import { upstreamTokensSchema } from './schemas';
import type { Session } from './schemas';

export interface SessionRoutesOptions {
  commandApi: CommandApiBase;
  bodyLimitBytes: number;
  /** Mark the cookie Secure even when this hop is plain http (TLS ends at a proxy; PUBLIC_URL is https). */
  secureCookies?: boolean;
}

/**
 * Browser sessions (README, "The web shop"): the command API's login, refresh and logout, with
 * the refresh token moved out of the page's reach into an httpOnly cookie.
 */
export function sessionRoutes(options: SessionRoutesOptions): Router {
  const router = Router();
  const flagsOf = (req: Request): CookieFlags => ({ secure: Boolean(options.secureCookies) || req.secure });
  const cookieOf = (req: Request) => readCookie(req.header('cookie'), refreshCookieName);
  const guard = [requireCsrfProtection(), ...jsonBody(options.bodyLimitBytes)];

  const answerWithSession = (req: Request, res: Response, answer: UpstreamAnswer) => {
    const parsed = upstreamTokensSchema.safeParse(answer.body);
    if (!parsed.success) throw new AppError('unavailable', 'the command API answered tokens in an unexpected shape', { retriable: true });
    const { refreshToken, ...session } = parsed.data;
    const body: Session = session;
    res.status(200).set({ 'Cache-Control': 'no-store', 'Set-Cookie': refreshCookie(refreshToken, new Date(session.refreshExpiresAt), flagsOf(req)) }).json(body);
  };

  router.post('/api/auth/session', ...guard, async (req, res) => {
    const answer = await callCommandApi(options.commandApi, req, '/api/auth/login', req.body ?? {});
    if (answer.status !== 200) return relayProblem(res, answer);
    // A new login ends the session this browser had, rather than leaving it alive unseen.
    const previous = cookieOf(req);
    if (previous) await callCommandApi(options.commandApi, req, '/api/auth/logout', { refreshToken: previous }).catch(() => undefined);
    answerWithSession(req, res, answer);
  });

  router.post('/api/auth/session/refresh', ...guard, async (req, res) => {
    const refreshToken = cookieOf(req);
    if (!refreshToken) throw new AppError('unauthorized', 'no session: log in first', { issues: [{ field: `cookies.${refreshCookieName}`, message: 'missing' }] });
    const answer = await callCommandApi(options.commandApi, req, '/api/auth/refresh', { refreshToken });
    if (answer.status !== 200) {
      // A refused token (expired, revoked, reused, malformed) is useless: the browser forgets it.
      if (answer.status === 400 || answer.status === 401) res.set('Set-Cookie', clearedRefreshCookie(flagsOf(req)));
      return relayProblem(res, answer);
    }
    answerWithSession(req, res, answer);
  });

  router.delete('/api/auth/session', ...guard, async (req, res) => {
    const refreshToken = cookieOf(req);
    res.set('Set-Cookie', clearedRefreshCookie(flagsOf(req)));
    if (refreshToken) {
      const answer = await callCommandApi(options.commandApi, req, '/api/auth/logout', { refreshToken });
      // A malformed cookie has no session to end; anything else the command API refuses is told.
      if (answer.status >= 300 && answer.status !== 400) return relayProblem(res, answer);
    }
    res.status(204).end();
  });

  return router;
}

/** The command API's refusal, as it gave it (status, problem, Retry-After). */
function relayProblem(res: Response, answer: UpstreamAnswer): void {
  const problem = (typeof answer.body === 'object' && answer.body !== null ? answer.body : { type: 'about:blank', title: 'Error', status: answer.status }) as Problem;
  const headers: Record<string, string> = {};
  const retryAfter = answer.headers.get('retry-after');
  if (retryAfter) headers['Retry-After'] = retryAfter;
  if (answer.status === 401) headers['WWW-Authenticate'] = 'Bearer';
  sendProblem(res, { ...problem, status: answer.status }, headers);
}
