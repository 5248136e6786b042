/**
 * Translation between the port and @eventstore/db-client v6: expected revisions,
 * errors, and recorded events. Pure, so it is unit-tested without a server.
 *
 * Positions. The port's position is the event's commit position in `$all`. On
 * EventStoreDB 20+ every append is an implicit transaction, and the server's
 * `$all` reader gives each of its events the position (prepare.LogPosition,
 * prepare.LogPosition) — so events of one append do NOT share a commit
 * position: each has its own, equal to its prepare position, increasing in
 * `$all` order. The commit position alone is therefore unique per event and we
 * can resume from it as Position { commit: p, prepare: p }. (Databases carried
 * over from v5 explicit transactions would hold shared commit positions; this
 * adapter does not support such data.) The append result's position is the
 * last event's commit position; an idempotent repeat comes back without one,
 * so the adapter looks it up (see esdb.ts).
 */
import { ANY, NO_STREAM, STREAM_EXISTS, ErrorType, WrongExpectedVersionError, isCommandError, jsonEvent } from '@eventstore/db-client';
import type { AllStreamRecordedEvent, AppendExpectedRevision, EventData, Position, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { AppError, ConcurrencyError } from '../errors';
import { toSafeNumber } from './append-input';
import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from './port';

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return BigInt(expected);
  }
}

export const toEsdbEventData = (event: NewEvent): EventData =>
  jsonEvent({ id: event.id, type: event.type, data: event.data, metadata: event.metadata ?? {} });

/** Server kinds of failure a caller can retry: the node is down, busy, or not the leader. */
const unavailableTypes = new Set<string>([ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.TIMEOUT, ErrorType.NOT_LEADER]);

/** Driver errors become ours at the boundary; anything unrecognised is rethrown as it is. */
export function translateEsdbError(error: unknown, streamId: string, expected?: ExpectedRevision): unknown {
  if (error instanceof WrongExpectedVersionError) {
    const actual = error.actualVersion === NO_STREAM ? 'no_stream' : error.actualVersion.toString();
    return new ConcurrencyError(streamId, expected ?? String(error.expectedVersion), actual, error);
  }
  if (error instanceof Error && isCommandError(error) && unavailableTypes.has(error.type)) {
    return new AppError('unavailable', `event store unavailable: ${error.message}`, { retriable: true, cause: error });
  }
  return error;
}

/** `$`-typed events ($>, $metadata, $statsCollected…) and `$`-streams belong to the server, not to us. */
export const isSystemEvent = (event: { type: string; streamId: string }): boolean =>
  event.type.startsWith('$') || event.streamId.startsWith('$');

/** Positions are read back as `{ commit: p, prepare: p }` (see the note at the top). */
export const toEsdbPosition = (position: number): Position => ({ commit: BigInt(position), prepare: BigInt(position) });

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);

// Someone else's binary event: keep its bytes rather than drop them silently.
function toData(data: unknown): Record<string, unknown> {
  if (isPlainObject(data)) return data;
  if (data instanceof Uint8Array) return { $binary: Buffer.from(data).toString('base64') };
  return { $value: data };
}

// Before 22.6 a stream read carries no position (or 2^64-1); the port then gets -1.
function positionOf(event: EsdbRecordedEvent): number {
  const commit = event.position?.commit;
  if (commit === undefined || commit > BigInt(Number.MAX_SAFE_INTEGER)) return -1;
  return Number(commit);
}

export function toRecordedEvent(event: EsdbRecordedEvent | AllStreamRecordedEvent): RecordedEvent {
  return {
    id: event.id,
    type: event.type,
    streamId: event.streamId,
    revision: toSafeNumber(event.revision, 'revision'),
    position: positionOf(event),
    data: toData(event.data),
    metadata: isPlainObject(event.metadata) ? (event.metadata as EventMetadata) : {},
    recordedAt: event.created,
  };
}

/** For `$all` reads, where a position is always present and must be exact. */
export function commitPositionOf(event: AllStreamRecordedEvent): bigint {
  toSafeNumber(event.position.commit, 'commit position');
  return event.position.commit;
}
