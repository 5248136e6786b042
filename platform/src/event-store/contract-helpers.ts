/** Fixtures for the event store contract: fresh random streams, so the suite can share a real server. */
import { randomUUID } from 'node:crypto';
import { ConcurrencyError } from '../errors';
import type { EventMetadata, EventStore, NewEvent } from './port';

export interface StoreUnderTest {
  store: EventStore;
  /** Closes the store and removes whatever the factory made. */
  cleanup(): Promise<void>;
}

export type StoreFactory = () => Promise<StoreUnderTest>;

/** Gives each test its store, created before and cleaned up after it. */
export function useStore(factory: StoreFactory): () => EventStore {
  let current: StoreUnderTest | undefined;
  beforeEach(async () => {
    current = await factory();
  });
  afterEach(async () => {
    await current?.cleanup();
    current = undefined;
  });
  return () => {
    if (!current) throw new Error('the store exists only inside a test');
    return current.store;
  };
}

export const newStreamId = (category = 'contract'): string => `${category}-${randomUUID()}`;

export function createTestEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return { id: randomUUID(), type: 'ContractTested', data: { value: randomUUID() }, ...overrides };
}

export const createTestEvents = (count: number, metadata?: EventMetadata): NewEvent[] =>
  Array.from({ length: count }, (_unused, index) => createTestEvent({ data: { index }, metadata }));

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection, got a result');
    },
    (error: unknown) => error,
  );
}

export async function expectConcurrencyError(
  promise: Promise<unknown>,
  expected: { streamId: string; expectedRevision: string; actualRevision: string },
): Promise<void> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(ConcurrencyError);
  expect(error).toMatchObject({ code: 'conflict', retriable: true, ...expected });
}
