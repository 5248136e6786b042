import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { AppError, ConcurrencyError, principalOf, timeOrderedId } from '@ecommerce/platform';
import type { EventStore, RecordedEvent } from '@ecommerce/platform';

/**
 * `Idempotency-Key` for POST commands (DESIGN §7): the first answer is recorded in a
 * stream of its own, so every command-api instance sees it; a repeat gets that answer
 * back and appends nothing. The key is scoped to the caller, method and path. These
 * streams carry no domain facts: the mirror does not publish them.
 */
export const idempotencyStreamPrefix = 'idempotency-';
const keyPattern = /^[\x21-\x7e]{1,200}$/;
const replayedHeaders = ['location', 'etag', 'x-consistency-token'];

interface RecordedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export function idempotency(eventStore: EventStore, clock: () => Date): RequestHandler {
  return async (req, res, next) => {
    const key = req.header('idempotency-key');
    if (req.method !== 'POST' || key === undefined) return next();
    if (!keyPattern.test(key)) return next(new AppError('validation', 'Idempotency-Key must be 1-200 visible ASCII characters', { issues: [{ field: 'idempotency-key', message: 'must be 1-200 visible ASCII characters' }] }));

    const scope = `${principalOf(req)?.sub ?? 'anonymous'}\n${req.method}\n${req.originalUrl}\n${key}`;
    const streamId = `${idempotencyStreamPrefix}${createHash('sha256').update(scope).digest('hex').slice(0, 40)}`;
    const fingerprint = createHash('sha256').update(JSON.stringify(req.body ?? null)).digest('hex');

    const history = await eventStore.readStream(streamId);
    const last = history.at(-1);
    if (last?.type === 'CommandAnswered') return replay(res, last, fingerprint);
    if (last?.type === 'CommandStarted') return next(new AppError('conflict', 'a request with this Idempotency-Key is still in progress; retry later', { details: { retryAfterSeconds: 1 } }));

    try {
      await eventStore.append(streamId, [{ id: timeOrderedId(), type: 'CommandStarted', data: { fingerprint }, metadata: { occurredAt: clock().toISOString() } }], {
        expectedRevision: last ? last.revision : 'no_stream',
      });
    } catch (error) {
      if (error instanceof ConcurrencyError) return next(new AppError('conflict', 'a request with this Idempotency-Key is in progress; retry later', { details: { retryAfterSeconds: 1 } }));
      return next(error);
    }
    recordAnswer(res, (answer) => {
      const type = answer.status >= 500 ? 'CommandAbandoned' : 'CommandAnswered';
      return eventStore.append(streamId, [{ id: timeOrderedId(), type, data: { fingerprint, ...answer }, metadata: { occurredAt: clock().toISOString() } }], { expectedRevision: 'stream_exists' });
    });
    next();
  };
}

function replay(res: Response, answered: RecordedEvent, fingerprint: string): void {
  const answer = answered.data as unknown as RecordedAnswer & { fingerprint: string };
  if (answer.fingerprint !== fingerprint) {
    throw new AppError('validation', 'Idempotency-Key was already used with a different request body', { issues: [{ field: 'idempotency-key', message: 'reused with a different request' }] });
  }
  res.status(answer.status).set({ ...answer.headers, 'Idempotent-Replayed': 'true' }).send(answer.body);
}

/** Capture the answer as it is sent, and record it before the response ends. */
function recordAnswer(res: Response, record: (answer: RecordedAnswer) => Promise<unknown>): void {
  const send = res.send.bind(res);
  res.send = ((body?: unknown) => {
    res.send = send;
    const text = typeof body === 'string' ? body : Buffer.isBuffer(body) ? body.toString('utf8') : JSON.stringify(body ?? '');
    const headers: Record<string, string> = { 'content-type': String(res.getHeader('content-type') ?? 'application/json') };
    for (const name of replayedHeaders) {
      const value = res.getHeader(name);
      if (value !== undefined) headers[name] = String(value);
    }
    record({ status: res.statusCode, headers, body: text }).then(
      () => send(body),
      (error: unknown) => {
        res.status(500);
        send(JSON.stringify({ title: 'could not record idempotent answer', detail: String(error) }));
      },
    );
    return res;
  }) as Response['send'];
}
