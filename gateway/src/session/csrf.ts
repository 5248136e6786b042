import type { Request, RequestHandler } from 'express';
import { AppError } from '@ecommerce/platform';

/** The header every session request must carry; its value is fixed, its presence is the proof. */
export const csrfHeader = 'x-csrf-protection';

/**
 * Cross-site request forgery: the cookie is SameSite=Strict, and on top of it every session
 * request must carry a custom header. A page of another origin can only add a custom header
 * through a CORS preflight, which the gateway answers only for `CORS_ORIGINS` and never with
 * credentials, so a forged request arrives without the header or without the cookie. A
 * same-origin `Origin`, when the browser sends one, is checked too (defence in depth, and it
 * refuses login forgery from an allowed CORS origin).
 */
export function requireCsrfProtection(): RequestHandler {
  return (req, _res, next) => {
    if (req.header(csrfHeader) !== '1') {
      return next(new AppError('forbidden', `session requests must carry the header ${csrfHeader}: 1`, { issues: [{ field: `headers.${csrfHeader}`, message: 'must be 1' }] }));
    }
    if (!sameOrigin(req)) return next(new AppError('forbidden', 'session requests must come from the shop itself', { issues: [{ field: 'headers.origin', message: 'must be the shop\'s own origin' }] }));
    next();
  };
}

function sameOrigin(req: Request): boolean {
  const origin = req.header('origin');
  if (origin === undefined || origin === 'null') return origin === undefined;
  try {
    return new URL(origin).host === req.header('host');
  } catch {
    return false;
  }
}
