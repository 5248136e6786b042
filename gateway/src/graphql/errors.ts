import { GraphQLError } from 'graphql';

/** Problem details as the APIs answer them (RFC 9457), the parts a GraphQL error carries on. */
export interface UpstreamProblem {
  status?: number;
  title?: string;
  detail?: string;
  errors?: Array<{ field: string; message: string }>;
}

const codes: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  412: 'PRECONDITION_FAILED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  503: 'UNAVAILABLE',
};

export const codeOfStatus = (status: number): string => codes[status] ?? (status >= 500 ? 'UPSTREAM_ERROR' : 'BAD_REQUEST');

/**
 * An API's refusal as a GraphQL error: `extensions.code` and `extensions.status` say what REST
 * would have answered, `extensions.errors` names the fields of a 400. Only a missing or bad
 * token also sets the HTTP status (401, as REST does): every other refusal is one field's, and
 * the rest of the answer stands beside it.
 */
export function upstreamError(status: number, problem: UpstreamProblem | undefined, retryAfter?: string | null): GraphQLError {
  const extensions: Record<string, unknown> = { code: codeOfStatus(status), status };
  if (problem?.errors?.length) extensions.errors = problem.errors;
  if (retryAfter) extensions.retryAfter = retryAfter;
  if (status === 401) extensions.http = { status: 401, headers: { 'WWW-Authenticate': 'Bearer' } };
  return new GraphQLError(problem?.detail ?? problem?.title ?? `the API answered ${status}`, { extensions });
}

export const isNotFound = (error: unknown): boolean => error instanceof GraphQLError && error.extensions.code === 'NOT_FOUND';

/** A lookup of one thing: unknown, or someone else's, reads as null (REST answers 404 for both). */
export async function nullIfNotFound<T>(lookup: Promise<T>): Promise<T | null> {
  try {
    return await lookup;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
