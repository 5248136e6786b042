import { AppError } from '@ecommerce/platform';
import type { Document, ReadCollection, ReadStore } from '@ecommerce/platform';
import type { ErrorCode } from '@ecommerce/platform';

/**
 * The embedded read store keeps its collections in memory, written through to its file: only the
 * thread that writes it sees them. With the projections on their own thread, the main thread's
 * queries go to that thread's store over its message port: one call, one message each way.
 */

const collectionMethods = ['findOne', 'find', 'count', 'replaceIfNewer', 'replaceManyIfNewer', 'updateIfNewer', 'upsert', 'deleteOne', 'createIndex', 'drop'] as const;
const storeMethods = ['listCollections', 'getCheckpoint', 'setCheckpoint', 'health'] as const;
type CollectionMethod = (typeof collectionMethods)[number];
type StoreMethod = (typeof storeMethods)[number];

export interface ReadCall {
  kind: 'read';
  id: number;
  collection?: string;
  method: CollectionMethod | StoreMethod;
  args: unknown[];
}

export interface ReadAnswer {
  kind: 'read-answer';
  id: number;
  value?: unknown;
  /** An AppError keeps its code (a unique index's conflict is a 409 on either side of the port). */
  error?: { message: string; code?: ErrorCode; retriable?: boolean };
}

export interface MessageChannelEnd {
  postMessage(message: unknown): void;
}

const isCollectionMethod = (method: string): method is CollectionMethod => (collectionMethods as readonly string[]).includes(method);
const isStoreMethod = (method: string): method is StoreMethod => (storeMethods as readonly string[]).includes(method);

/** The owning thread's side: answers one call on its store. */
export async function answerReadCall(store: ReadStore, call: ReadCall): Promise<ReadAnswer> {
  try {
    let value: unknown;
    if (call.collection !== undefined && isCollectionMethod(call.method)) {
      const collection = store.collection(call.collection) as unknown as Record<CollectionMethod, (...args: unknown[]) => Promise<unknown>>;
      value = await collection[call.method](...call.args);
    } else if (call.collection === undefined && isStoreMethod(call.method)) {
      const methods = store as unknown as Record<StoreMethod, (...args: unknown[]) => Promise<unknown>>;
      value = await methods[call.method](...call.args);
    } else {
      throw new Error(`no read-store method ${call.method}`);
    }
    return { kind: 'read-answer', id: call.id, value };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'read-answer', id: call.id, error: error instanceof AppError ? { message, code: error.code, retriable: error.retriable } : { message } };
  }
}

/** The other threads' side: a ReadStore whose every call is answered by the owning thread. */
export function createThreadReadStore(port: MessageChannelEnd): ReadStore & { settle(answer: ReadAnswer): void; failAll(reason: string): void } {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let gone: string | undefined;

  const call = (method: ReadCall['method'], args: unknown[], collection?: string): Promise<unknown> => {
    if (gone) return Promise.reject(new AppError('unavailable', `read store unavailable: ${gone}`, { retriable: true }));
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      port.postMessage({ kind: 'read', id, collection, method, args } satisfies ReadCall);
    });
  };

  const collection = <T extends Document>(name: string): ReadCollection<T> => {
    const methods = Object.fromEntries(collectionMethods.map((method) => [method, (...args: unknown[]) => call(method, args, name)]));
    return methods as unknown as ReadCollection<T>;
  };

  return {
    collection: collection as ReadStore['collection'],
    listCollections: () => call('listCollections', []) as Promise<string[]>,
    getCheckpoint: <T>(name: string) => call('getCheckpoint', [name]) as Promise<T | null>,
    setCheckpoint: async (name, value) => void (await call('setCheckpoint', [name, value])),
    health: () => (gone ? Promise.resolve({ ok: false, detail: gone }) : (call('health', []) as Promise<{ ok: boolean; detail?: string }>)),
    // The owning thread closes the store; this side only stops asking.
    close: async () => undefined,
    settle(answer) {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if (!answer.error) return waiting.resolve(answer.value);
      const { message, code, retriable } = answer.error;
      waiting.reject(code ? new AppError(code, message, { retriable }) : new Error(message));
    },
    failAll(reason) {
      gone = reason;
      for (const waiting of pending.values()) waiting.reject(new AppError('unavailable', `read store unavailable: ${reason}`, { retriable: true }));
      pending.clear();
    },
  };
}
