/** A browser's view of the session routes, for the embedded and the distributed web-session tests. Test-only. */
import { refreshCookieName } from '@ecommerce/gateway';

export const csrf = { 'x-csrf-protection': '1' };

export interface Answer {
  status: number;
  body: Record<string, unknown>;
  setCookie: string | null;
}

/** The refresh token a Set-Cookie header carries ('' when it clears it). */
export const cookieValue = (setCookie: string | null) => new RegExp(`^${refreshCookieName}=([^;]*)`).exec(setCookie ?? '')?.[1] ?? '';

/** Requests as a browser sends them: JSON bodies, the refresh cookie when given, the answer's Set-Cookie kept. */
export const browserCall = (baseUrl: () => string) => async (method: string, path: string, options: { headers?: Record<string, string>; body?: unknown; cookie?: string } = {}): Promise<Answer> => {
  const response = await fetch(`${baseUrl()}${path}`, {
    method,
    headers: { ...(options.body === undefined ? {} : { 'content-type': 'application/json' }), ...(options.cookie ? { cookie: `${refreshCookieName}=${options.cookie}` } : {}), ...options.headers },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {}, setCookie: response.headers.get('set-cookie') };
};
