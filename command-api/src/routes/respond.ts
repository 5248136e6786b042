import type { Response } from 'express';
import { encodeConsistencyToken } from '@ecommerce/platform';
import type { CommandAnswer } from '../command-answer';

/** A command's answer: ids, revision, position and the consistency token (also as `X-Consistency-Token`). */
export function respond(res: Response, status: 201 | 202, result: CommandAnswer, extra: Record<string, unknown> = {}, location?: string): void {
  const consistencyToken = encodeConsistencyToken({ stream: result.stream, revision: result.revision, position: result.position });
  res.status(status).set({ 'X-Consistency-Token': consistencyToken, ...(location ? { Location: location } : {}) });
  res.json({ id: result.id, revision: result.revision, position: result.position, consistencyToken, ...extra });
}

export const acceptedResponse = { description: 'accepted; `X-Consistency-Token` lets a read wait for it' };
export const inProgress = 'or a request with this Idempotency-Key is in progress';
