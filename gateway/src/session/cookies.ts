/** The refresh token's cookie: the one place that knows its name, path and flags. */
export const refreshCookieName = 'ecommerce_refresh';

/** Sent only to the session routes: the refresh token never travels with ordinary API calls. */
export const refreshCookiePath = '/api/auth/session';

export interface CookieFlags {
  secure: boolean;
}

/** The value of one cookie from a `Cookie` header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator < 0) continue;
    if (part.slice(0, separator).trim() !== name) continue;
    const value = part.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * httpOnly: page scripts (an injected one included) never read it. SameSite=Strict: no other
 * site's page makes the browser send it. Secure whenever the shop is reached over https.
 */
export function refreshCookie(value: string, expiresAt: Date, flags: CookieFlags): string {
  const maxAgeSeconds = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return [`${refreshCookieName}=${encodeURIComponent(value)}`, `Path=${refreshCookiePath}`, `Max-Age=${maxAgeSeconds}`, `Expires=${expiresAt.toUTCString()}`, 'HttpOnly', 'SameSite=Strict', ...(flags.secure ? ['Secure'] : [])].join('; ');
}

export function clearedRefreshCookie(flags: CookieFlags): string {
  return [`${refreshCookieName}=`, `Path=${refreshCookiePath}`, 'Max-Age=0', 'Expires=Thu, 01 Jan 1970 00:00:00 GMT', 'HttpOnly', 'SameSite=Strict', ...(flags.secure ? ['Secure'] : [])].join('; ');
}
