import { ANY, NO_STREAM, STREAM_EXISTS, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import type { AllStreamRecordedEvent } from '@eventstore/db-client';
import { AppError, ConcurrencyError } from '../errors';
import { isSystemEvent, toEsdbEventData, toEsdbExpectedRevision, toRecordedEvent, translateEsdbError } from './esdb-mapping';

const recorded = (overrides: Partial<AllStreamRecordedEvent> = {}) =>
  ({
    streamId: 'order-1',
    id: '5d6c8f0e-7a54-4b7f-9a51-1c2d3e4f5a6b',
    isJson: true,
    revision: 3n,
    type: 'OrderPlaced',
    created: new Date('2024-05-06T07:08:09.000Z'),
    data: { total: 1999 },
    metadata: { correlationId: 'c-1' },
    position: { commit: 4096n, prepare: 4096n },
    ...overrides,
  }) as AllStreamRecordedEvent;

describe('esdb mapping', () => {
  it('maps expected revisions to the client constants and bigints', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(7)).toBe(7n);
  });

  it('writes JSON events with their ids and an empty metadata object by default', () => {
    const data = toEsdbEventData({ id: 'e-1', type: 'OrderPlaced', data: { total: 1 } });
    expect(data).toMatchObject({ id: 'e-1', type: 'OrderPlaced', contentType: 'application/json', data: { total: 1 }, metadata: {} });
  });

  it('turns a wrong expected version into a ConcurrencyError with both revisions', () => {
    const stale = new WrongExpectedVersionError(undefined, { streamName: 'order-1', expected: 2n, current: 5n });
    const error = translateEsdbError(stale, 'order-1', 2);
    expect(error).toBeInstanceOf(ConcurrencyError);
    expect(error).toMatchObject({ streamId: 'order-1', expectedRevision: '2', actualRevision: '5', retriable: true, cause: stale });

    const missing = new WrongExpectedVersionError(undefined, { streamName: 'order-2', expected: STREAM_EXISTS, current: NO_STREAM });
    expect(translateEsdbError(missing, 'order-2', 'stream_exists')).toMatchObject({ expectedRevision: 'stream_exists', actualRevision: 'no_stream' });
  });

  it('marks an unavailable server retriable and rethrows what it does not know', () => {
    const unavailable = translateEsdbError(new UnavailableError(undefined as never), 'order-1');
    expect(unavailable).toBeInstanceOf(AppError);
    expect(unavailable).toMatchObject({ code: 'unavailable', retriable: true });
    const unknown = new TypeError('boom');
    expect(translateEsdbError(unknown, 'order-1')).toBe(unknown);
  });

  it('recognises system events by type or stream', () => {
    expect(isSystemEvent({ type: '$statsCollected', streamId: '$stats-127.0.0.1:2113' })).toBe(true);
    expect(isSystemEvent({ type: '$>', streamId: '$ce-order' })).toBe(true);
    expect(isSystemEvent({ type: 'SomethingHappened', streamId: '$projections-$all' })).toBe(true);
    expect(isSystemEvent({ type: 'OrderPlaced', streamId: 'order-1' })).toBe(false);
  });

  it('converts recorded events to the port shape with numeric revision and position', () => {
    expect(toRecordedEvent(recorded())).toEqual({
      id: '5d6c8f0e-7a54-4b7f-9a51-1c2d3e4f5a6b',
      type: 'OrderPlaced',
      streamId: 'order-1',
      revision: 3,
      position: 4096,
      data: { total: 1999 },
      metadata: { correlationId: 'c-1' },
      recordedAt: new Date('2024-05-06T07:08:09.000Z'),
    });
  });

  it('keeps foreign binary data, defaults missing metadata, and marks unknown positions -1', () => {
    const binary = recorded({ isJson: false, data: new Uint8Array([1, 2, 3]), metadata: undefined, position: undefined } as never);
    expect(toRecordedEvent(binary)).toMatchObject({ data: { $binary: 'AQID' }, metadata: {}, position: -1 });
    const sentinel = recorded({ position: { commit: 18446744073709551615n, prepare: 18446744073709551615n } });
    expect(toRecordedEvent(sentinel).position).toBe(-1);
  });

  it('refuses a revision past Number.MAX_SAFE_INTEGER', () => {
    expect(() => toRecordedEvent(recorded({ revision: 2n ** 60n }))).toThrow(AppError);
  });
});
