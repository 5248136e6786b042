import type { Session } from './session';

/**
 * `fetch` with the session's access token: renewed shortly before it expires, and, should the
 * API still answer 401 (the token expired in flight, keys rotated), renewed once and the
 * request sent again — the user never sees it.
 */
export function authedFetch(session: Session, baseFetch: typeof fetch): (request: Request) => Promise<Response> {
  return async (request) => {
    const retry = request.clone();
    const token = await session.accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    const response = await baseFetch(request);
    if (response.status !== 401 || !token) return response;
    const renewed = await session.refresh();
    if (!renewed) return response;
    retry.headers.set('authorization', `Bearer ${renewed.accessToken}`);
    return baseFetch(retry);
  };
}
