import { MongoNetworkError, MongoNotConnectedError, MongoServerSelectionError, MongoTopologyClosedError } from 'mongodb';
import { translateOutages } from '../outages';
import type { ReadStore } from './port';

/** The driver's ways of saying "no server to talk to" (MongoNetworkTimeoutError is a MongoNetworkError). */
export const isMongoOutage = (error: unknown): boolean =>
  error instanceof MongoServerSelectionError || error instanceof MongoNetworkError || error instanceof MongoTopologyClosedError || error instanceof MongoNotConnectedError;

/** The read store with server outages as StoreUnavailableError (503 + Retry-After at the query API). */
export const withMongoOutagesAsUnavailable = (store: ReadStore): ReadStore =>
  translateOutages(store, { store: 'read store', isOutage: isMongoOutage, nested: ['collection'] });
