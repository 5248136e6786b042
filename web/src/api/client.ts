import createClient from 'openapi-fetch';
import type { paths } from './openapi';
import { authedFetch } from './authed-fetch';
import { createSession } from './session';
import type { SessionState } from './session';

/** The API, typed from the OpenAPI document (`openapi.d.ts`, generated). */
export function createApi(onSessionChange: (state: SessionState | null) => void) {
  const session = createSession({ fetch: (input, init) => fetch(input, init), onChange: onSessionChange });
  const client = createClient<paths>({ baseUrl: '', fetch: authedFetch(session, (request) => fetch(request)) });
  return { session, client };
}

export type Api = ReturnType<typeof createApi>;
export type { paths };
