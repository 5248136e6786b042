/**
 * Checks shared by every adapter, so that bad calls fail the same way whatever
 * the backend: before any I/O, with our ValidationError.
 */
import { AppError, ValidationError } from '../errors';
import type { ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions } from './port';

const isRevisionNumber = (value: number): boolean => Number.isSafeInteger(value) && value >= 0;

export function assertAppendInput(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): void {
  if (typeof streamId !== 'string' || streamId.length === 0) {
    throw new ValidationError('stream id must be a non-empty string', [{ field: 'streamId', message: 'required' }]);
  }
  if (events.length === 0) {
    throw new ValidationError(`append to ${streamId} needs at least one event`, [{ field: 'events', message: 'empty' }]);
  }
  if (typeof expected === 'number' && !isRevisionNumber(expected)) {
    throw new ValidationError(`expected revision ${expected} is not a revision`, [
      { field: 'expectedRevision', message: 'a non-negative safe integer, no_stream, stream_exists or any' },
    ]);
  }
  events.forEach((event, index) => {
    if (!event.id || !event.type) {
      throw new ValidationError(`event ${index} of ${streamId} needs an id and a type`, [
        { field: `events.${index}`, message: 'id and type are required' },
      ]);
    }
  });
}

export function assertReadStreamOptions(options: ReadStreamOptions): void {
  if (options.fromRevision !== undefined && !isRevisionNumber(options.fromRevision)) {
    throw new ValidationError('fromRevision must be a non-negative integer', [{ field: 'fromRevision', message: 'invalid' }]);
  }
  assertMaxCount(options.maxCount);
}

export function assertReadAllOptions(options: ReadAllOptions): void {
  if (options.after !== undefined && !isRevisionNumber(options.after)) {
    throw new ValidationError('after must be a non-negative integer position', [{ field: 'after', message: 'invalid' }]);
  }
  assertMaxCount(options.maxCount);
  assertTypes(options.types);
}

/** A `types` option: absent, or a list of event types. */
export function assertTypes(types: readonly string[] | undefined): void {
  if (types !== undefined && !(Array.isArray(types) && types.every((type) => typeof type === 'string'))) {
    throw new ValidationError('types must be a list of event types', [{ field: 'types', message: 'invalid' }]);
  }
}

function assertMaxCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && !isRevisionNumber(maxCount)) {
    throw new ValidationError('maxCount must be a non-negative integer', [{ field: 'maxCount', message: 'invalid' }]);
  }
}

/** The port speaks numbers; a backend value past 2^53 would silently lose precision, so refuse it. */
export function toSafeNumber(value: bigint | number, what: string): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) {
    throw new AppError('internal', `${what} ${String(value)} is past Number.MAX_SAFE_INTEGER`);
  }
  return number;
}
