import { Router } from 'express';
import { AppError, ValidationError, describeRoute, parseInput, readDeadLetterPage, requireRole } from '@ecommerce/platform';
import type { DeadLetter, DeadLetterPosition, Log, OpenAPIRegistry } from '@ecommerce/platform';
import { deadLetterIdParams, deadLetterPageSchema, deadLetterReplayedSchema, listDeadLettersQuery } from '@ecommerce/schemas';
import type { DeadLetterView } from '@ecommerce/schemas';
import type { DeadLetterReplays } from './dead-letter-replays';

/**
 * The dead-letter queue for admins: what consumers gave up on, and its replay. Served by the command
 * API because the query API has only the read store; this one is given the log by the composition root.
 */

/** URLs carry `<partition>-<offset>`: a slash cannot sit in one path segment. */
const urlIdOf = (id: string) => id.replace('/', '-');
const logIdOf = (urlId: string) => urlId.replace('-', '/');

const encodeCursor = (position: DeadLetterPosition): string => Buffer.from(JSON.stringify(position)).toString('base64url');

function decodeCursor(text: string): DeadLetterPosition {
  try {
    const position = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (position && typeof position === 'object' && !Array.isArray(position) && Object.entries(position).every(([partition, offset]) => /^\d{1,6}$/.test(partition) && Number.isSafeInteger(offset) && (offset as number) >= 0)) {
      return position as DeadLetterPosition;
    }
  } catch {
    // reported below
  }
  throw new ValidationError('cursor is malformed', [{ field: 'query.cursor', message: 'malformed cursor' }]);
}

export function toDeadLetterView(letter: DeadLetter): DeadLetterView {
  const { source } = letter;
  return {
    id: urlIdOf(letter.id),
    at: letter.at,
    reason: letter.reason,
    attempts: letter.attempts,
    source: source && (source.kind === 'message'
      ? { kind: 'message', consumerGroup: source.groupId, topic: source.topic, partition: source.partition, offset: source.offset, position: null }
      : { kind: 'event-store', consumerGroup: source.groupId, topic: null, partition: null, offset: null, position: source.position }),
    key: letter.key,
    eventType: letter.headers['event-type'] ?? null,
    sizeBytes: letter.value?.length ?? 0,
    headers: letter.headers,
    replayable: source?.kind === 'message',
  };
}

export function deadLetterRoutes({ log, replays }: { log: Log | undefined; replays: DeadLetterReplays | undefined }): Router {
  const router = Router();
  const available = () => {
    if (!log || !replays) throw new AppError('unavailable', 'this command API runs without the log: the dead-letter queue is served where it has one');
    return { log, replays };
  };

  router.get('/api/admin/dlq', async (req, res) => {
    requireRole(req, 'admin');
    const query = parseInput(listDeadLettersQuery, req.query, 'query');
    const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const page = await readDeadLetterPage(available().log, { limit: query.limit, before });
    res.json({ items: page.items.map(toDeadLetterView), nextCursor: page.next ? encodeCursor(page.next) : null });
  });

  router.post('/api/admin/dlq/:id/replay', async (req, res) => {
    const principal = requireRole(req, 'admin');
    const { id } = parseInput(deadLetterIdParams, req.params, 'params');
    const replayed = await available().replays.replay(logIdOf(id), principal);
    res.status(202).json({ ...replayed, id });
  });

  return router;
}

export function describeDeadLetterRoutes(registry: OpenAPIRegistry): void {
  const tags = ['operations'];
  const admins = { 401: { description: 'not authenticated' }, 403: { description: 'not an admin' }, 503: { description: 'this command API runs without the log' } };
  describeRoute(registry, {
    method: 'get', path: '/api/admin/dlq', tags, query: listDeadLettersQuery,
    summary: 'Admins: dead letters, newest first: where each came from (consumer group, topic, partition, offset), why, after how many attempts, when; cursor pagination',
    responses: { 200: { description: 'one page; `nextCursor` fetches older ones', schema: deadLetterPageSchema }, ...admins },
  });
  describeRoute(registry, {
    method: 'post', path: '/api/admin/dlq/{id}/replay', tags, params: deadLetterIdParams,
    summary: "Admins: re-drive a dead letter to its original topic (every consumer of that topic reads it again). At most once: a second replay is a 409 saying where the first went",
    responses: {
      202: { description: 'the copy is on the topic; its consumers handle it as they read', schema: deadLetterReplayedSchema },
      404: { description: 'no such dead letter' },
      409: { description: 'already replayed (or being replayed), or not replayable (a stored event the mirror could not encode)' },
      ...admins,
    },
  });
}
