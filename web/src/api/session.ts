/**
 * The browser session. The access token lives in this object's memory only (never in
 * localStorage, never in a cookie a script could read); the refresh token is in the gateway's
 * httpOnly cookie, which the browser sends to `/api/auth/session…` and nowhere else. Every
 * session call carries the CSRF header the gateway requires.
 */
export const csrfHeaders = { 'x-csrf-protection': '1' } as const;

export interface SessionUser {
  id: string;
  role: 'customer' | 'admin';
  email?: string;
}

export interface SessionState {
  accessToken: string;
  user: SessionUser;
  /** Epoch ms after which the access token is no longer accepted. */
  expiresAt: number;
}

export interface SessionOptions {
  fetch: typeof fetch;
  now?: () => number;
  /** Called whenever the session begins, renews or ends (UI state). */
  onChange?: (state: SessionState | null) => void;
}

export class SessionError extends Error {
  constructor(readonly status: number, readonly problem: { detail?: string; errors?: Array<{ field: string; message: string }> } | undefined) {
    super(problem?.detail ?? `request failed with status ${status}`);
  }
}

/** The claims the UI needs, read from the token (its signature is the server's business). */
export function userOfToken(token: string): SessionUser {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const claims = JSON.parse(json) as { sub: string; role?: string; email?: string };
  return { id: claims.sub, role: claims.role === 'admin' ? 'admin' : 'customer', ...(claims.email ? { email: claims.email } : {}) };
}

export function createSession(options: SessionOptions) {
  const now = options.now ?? (() => Date.now());
  let state: SessionState | null = null;
  let refreshing: Promise<SessionState | null> | null = null;

  const set = (next: SessionState | null) => {
    state = next;
    options.onChange?.(next);
    return next;
  };

  const fromAnswer = (body: { accessToken: string; expiresIn: number }): SessionState => ({ accessToken: body.accessToken, user: userOfToken(body.accessToken), expiresAt: now() + body.expiresIn * 1000 });

  async function post(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<Response> {
    return options.fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { ...csrfHeaders, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  async function problemOf(response: Response) {
    try {
      return (await response.json()) as SessionError['problem'];
    } catch {
      return undefined;
    }
  }

  return {
    get current() {
      return state;
    },

    async login(email: string, password: string): Promise<SessionState> {
      const response = await post('POST', '/api/auth/session', { email, password });
      if (!response.ok) throw new SessionError(response.status, await problemOf(response));
      return set(fromAnswer((await response.json()) as { accessToken: string; expiresIn: number })) as SessionState;
    },

    /**
     * A new access token from the cookie. Concurrent callers share one request: the refresh
     * token rotates, and two refreshes with the same cookie would look like reuse and end the session.
     */
    refresh(): Promise<SessionState | null> {
      refreshing ??= (async () => {
        try {
          const response = await post('POST', '/api/auth/session/refresh');
          if (!response.ok) return set(null);
          return set(fromAnswer((await response.json()) as { accessToken: string; expiresIn: number }));
        } catch {
          return state;
        } finally {
          refreshing = null;
        }
      })();
      return refreshing;
    },

    /** The access token, renewed first when it expires within `marginMs`. */
    async accessToken(marginMs = 15_000): Promise<string | null> {
      if (refreshing) return (await refreshing)?.accessToken ?? null;
      if (state && state.expiresAt - now() > marginMs) return state.accessToken;
      if (!state) return null;
      return (await this.refresh())?.accessToken ?? null;
    },

    async logout(): Promise<void> {
      try {
        await post('DELETE', '/api/auth/session');
      } finally {
        set(null);
      }
    },
  };
}

export type Session = ReturnType<typeof createSession>;
