import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, httpStatusOf, isAppError } from '../errors';
import type { Logger } from '../observability/logger';
import { currentTrace } from '../observability/context';

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: Array<{ field: string; message: string }>;
  [extension: string]: unknown;
}

const titles: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 412: 'Precondition Failed',
  413: 'Content Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable',
};

/** body-parser and express raise errors with `type` and `status`; map them to ours. */
function fromBodyParser(error: { type?: string; status?: number; message?: string; limit?: number }): AppError | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('validation', 'malformed JSON body', { issues: [{ field: 'body', message: 'malformed JSON' }] });
    case 'entity.too.large':
      return new AppError('payload_too_large', `body larger than ${error.limit ?? 'the limit'} bytes`, { issues: [{ field: 'body', message: 'too large' }] });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError('unsupported_media_type', error.message ?? 'unsupported encoding');
    default:
      return undefined;
  }
}

export function toProblem(error: unknown, instance?: string): Problem {
  const appError = isAppError(error) ? error : fromBodyParser((error ?? {}) as Record<string, never>);
  if (!appError) return { type: 'about:blank', title: titles[500] ?? 'Error', status: 500, detail: 'internal error', instance };
  const status = httpStatusOf[appError.code];
  return {
    type: `https://ecommerce.example/problems/${appError.code.replace(/_/g, '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail: appError.message,
    instance,
    ...(appError.issues.length > 0 ? { errors: appError.issues } : {}),
    ...appError.details,
  };
}

export function sendProblem(res: Parameters<RequestHandler>[1], problem: Problem, headers: Record<string, string> = {}): void {
  const correlationId = currentTrace()?.correlationId;
  res.status(problem.status).set({ 'Content-Type': 'application/problem+json', ...headers }).send(JSON.stringify({ ...problem, ...(correlationId ? { correlationId } : {}) }));
}

const defaultRetryAfterSeconds = 5;

/** The one place that turns errors into answers; handlers have no try/catch. */
export function problemDetails(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) return next(error);
    const problem = toProblem(error, req.originalUrl);
    if (problem.status >= 500) logger.error({ err: error, route: req.originalUrl }, 'request failed');
    else logger.debug({ status: problem.status, detail: problem.detail }, 'request refused');
    const headers: Record<string, string> = {};
    if (isAppError(error) && typeof error.details.retryAfterSeconds === 'number') headers['Retry-After'] = String(error.details.retryAfterSeconds);
    // A 503 always says when to come back: a client (or balancer) retries instead of giving up.
    else if (problem.status === 503) headers['Retry-After'] = String(defaultRetryAfterSeconds);
    if (problem.status === 401) headers['WWW-Authenticate'] = 'Bearer';
    sendProblem(res, problem, headers);
  };
}

export const notFoundRoute: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `no route ${req.method} ${req.path}`));
};
