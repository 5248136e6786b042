import type { Request } from 'express';
import { AppError } from '../errors';

/**
 * Who is calling. The gateway is the one place that establishes it (today a fixed
 * operator until the identity issue adds JWT verification) and passes it to the APIs
 * in `x-ecommerce-principal`; the APIs decide per route and per resource.
 */
export type Role = 'customer' | 'admin';
export interface Principal {
  sub: string;
  role: Role;
}

export const principalHeader = 'x-ecommerce-principal';

export const encodePrincipal = (principal: Principal): string => Buffer.from(JSON.stringify(principal)).toString('base64url');

export function decodePrincipal(value: string | undefined): Principal | null {
  if (!value) return null;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Partial<Principal>;
    if (typeof parsed.sub === 'string' && (parsed.role === 'customer' || parsed.role === 'admin')) return { sub: parsed.sub, role: parsed.role };
  } catch {
    // an unreadable principal is no principal
  }
  return null;
}

export const principalOf = (req: Request): Principal | null => decodePrincipal(req.header(principalHeader));

export function requirePrincipal(req: Request): Principal {
  const principal = principalOf(req);
  if (!principal) throw new AppError('unauthorized', 'authentication required');
  return principal;
}

export function requireRole(req: Request, role: Role): Principal {
  const principal = requirePrincipal(req);
  if (principal.role !== role && principal.role !== 'admin') throw new AppError('forbidden', `requires role ${role}`);
  return principal;
}
