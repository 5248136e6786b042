import { AppError } from './errors';

/**
 * A store that cannot be reached (a server down, a network cut, a timeout while selecting a
 * server): our `unavailable` (503 with Retry-After at the HTTP edge), retriable for processors.
 * Other errors of the same store are left as they are.
 */
export class StoreUnavailableError extends AppError {
  readonly store: string;
  constructor(store: string, cause: unknown, retryAfterSeconds = 5) {
    super('unavailable', `the ${store} is unavailable; try again shortly`, { retriable: true, details: { store, retryAfterSeconds }, cause });
    this.store = store;
  }
}

export const isStoreUnavailable = (error: unknown): error is StoreUnavailableError => error instanceof StoreUnavailableError;

/**
 * Wraps every method of `target` so that a rejection `isOutage` recognises becomes a
 * StoreUnavailableError; methods named in `nested` return objects (a collection of a read
 * store) that are wrapped the same way. Synchronous throws pass through unchanged.
 */
export function translateOutages<T extends object>(target: T, options: { store: string; isOutage: (error: unknown) => boolean; nested?: string[] }): T {
  const translate = (error: unknown): never => {
    throw options.isOutage(error) ? new StoreUnavailableError(options.store, error) : error;
  };
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result = (value as (...parameters: unknown[]) => unknown).apply(object, args);
        if (result instanceof Promise) return result.catch(translate);
        if (typeof property === 'string' && options.nested?.includes(property) && typeof result === 'object' && result !== null) {
          return translateOutages(result, { ...options, nested: [] });
        }
        return result;
      };
    },
  });
}
