import { DeadlineExceededError, NotLeaderError, UnavailableError } from '@eventstore/db-client';
import { translateOutages } from '../outages';
import type { EventStore } from './port';

/** EventStoreDB's client errors for "no node to talk to": down, unreachable, timed out, or a leader change under way. */
export const isEsdbOutage = (error: unknown): boolean =>
  error instanceof UnavailableError || error instanceof DeadlineExceededError || error instanceof NotLeaderError;

/** The event store with server outages as StoreUnavailableError: commands answer 503 with Retry-After. */
export const withEsdbOutagesAsUnavailable = (store: EventStore): EventStore =>
  translateOutages(store, { store: 'event store', isOutage: isEsdbOutage });
