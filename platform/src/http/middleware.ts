import express from 'express';
import type { RequestHandler } from 'express';
import { AppError } from '../errors';
import { newCorrelationId, runWithTrace } from '../observability/context';
import type { Metrics } from '../observability/metrics';

const correlationPattern = /^[A-Za-z0-9._:-]{1,100}$/;

/** Takes the caller's `X-Correlation-Id` when well-formed, otherwise makes one; every log line of the request carries it. */
export const correlation: RequestHandler = (req, res, next) => {
  const given = req.header('x-correlation-id');
  const correlationId = given && correlationPattern.test(given) ? given : newCorrelationId();
  req.headers['x-correlation-id'] = correlationId;
  res.setHeader('X-Correlation-Id', correlationId);
  runWithTrace({ correlationId }, () => next());
};

/** JSON bodies only, bounded; malformed or oversize bodies become problem+json through the error middleware. */
export function jsonBody(limitBytes: number): RequestHandler[] {
  const requireJson: RequestHandler = (req, _res, next) => {
    const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding') !== undefined;
    if (hasBody && !req.is('application/json') && !req.is('application/*+json')) {
      return next(new AppError('unsupported_media_type', 'request bodies must be application/json', { issues: [{ field: 'content-type', message: 'must be application/json' }] }));
    }
    next();
  };
  // The bytes as received are kept beside the parsed body: a webhook's signature is over them, not over a re-serialization.
  const keepRaw = (req: object, _res: unknown, buffer: Buffer) => void rawBodies.set(req, buffer);
  return [requireJson, express.json({ limit: limitBytes, strict: true, type: ['application/json', 'application/*+json'], verify: keepRaw })];
}

const rawBodies = new WeakMap<object, Buffer>();

/** The JSON body exactly as it arrived (for signature checks); an empty buffer when there was none. */
export const rawBodyOf = (req: object): Buffer => rawBodies.get(req) ?? Buffer.alloc(0);

/** Latency by route template (not raw path, to keep label cardinality bounded). */
export function requestMetrics(metrics: Metrics): RequestHandler {
  return (req, res, next) => {
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      stop({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
}
