import type { ReadCollection, ReadStore } from '@ecommerce/platform';

export interface StoreFailureTracker {
  /** The read store to hand to a projection's `apply`. */
  store: ReadStore;
  /** True for an error that a read-store call threw (an outage, a timeout), false for one of the projection's own. */
  isStoreFailure(error: unknown): boolean;
}

/**
 * Tells the read store's failures apart from the projection's: an event must be dead-lettered only
 * because the projection cannot apply it, never because the store is down. Every store and
 * collection call is passed through; an error it throws is remembered (by identity, untouched) on
 * its way to the projection.
 */
export function createStoreFailureTracker(inner: ReadStore): StoreFailureTracker {
  const failures = new WeakSet<object>();

  const remember = (error: unknown): never => {
    const tracked = typeof error === 'object' && error !== null ? error : new Error(String(error));
    failures.add(tracked);
    throw tracked;
  };

  /** The same object, every method's failure (thrown or rejected) remembered. */
  const tracking = <T extends object>(target: T): T =>
    new Proxy(target, {
      get(object, property, receiver) {
        const value: unknown = Reflect.get(object, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          let result: unknown;
          try {
            result = Reflect.apply(value, object, args);
          } catch (error) {
            return remember(error);
          }
          if (property === 'collection') return tracking(result as ReadCollection);
          return result instanceof Promise ? result.catch(remember) : result;
        };
      },
    });

  return {
    store: tracking(inner),
    isStoreFailure: (error) => typeof error === 'object' && error !== null && failures.has(error),
  };
}
