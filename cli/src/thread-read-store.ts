import { AppError } from '@ecommerce/platform';
import type { Document, ReadCollection, ReadStore } from '@ecommerce/platform';
import type { ErrorCode } from '@ecommerce/platform';

/**
 * The embedded read store keeps its collections in memory, written through to its file: only the
 * thread that writes it sees them. With the projections on their own thread, the main thread's
 * queries go to that thread's store over its message port: one call, one message each way.
 */

const collectionMethods = ['findOne', 'find', 'count', 'replaceIfNewer', 'replaceManyIfNewer', 'updateIfNewer', 'updateManyIfNewer', 'upsert', 'upsertMany', 'insertMany', 'deleteOne', 'createIndex', 'drop'] as const;
const storeMethods = ['listCollections', 'getCheckpoint', 'setCheckpoint', 'setCheckpoints', 'health'] as const;
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

/**
 * The owning thread tells the others each checkpoint it wrote, in order with its answers: a
 * consistency wait on another thread reads the projections' progress there, without asking.
 */
export interface CheckpointPush {
  kind: 'checkpoint';
  name: string;
  value: unknown;
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

/** The owning thread's store, posting a `CheckpointPush` after each checkpoint it wrote, whoever asked for the write. */
export function pushingCheckpoints(store: ReadStore, push: (message: CheckpointPush) => void): ReadStore {
  return {
    collection: (name) => store.collection(name),
    listCollections: () => store.listCollections(),
    getCheckpoint: (name) => store.getCheckpoint(name),
    getCheckpoints: (names) => store.getCheckpoints(names),
    async setCheckpoint(name, value) {
      await store.setCheckpoint(name, value);
      push({ kind: 'checkpoint', name, value });
    },
    async setCheckpoints(entries) {
      await store.setCheckpoints(entries);
      for (const { name, value } of entries) push({ kind: 'checkpoint', name, value });
    },
    health: () => store.health(),
    close: () => store.close(),
  };
}

/**
 * The other threads' side: a ReadStore whose every call is answered by the owning thread, but
 * for checkpoints it has already heard of. Every write is pushed, in the order of the writes,
 * so the last push of a name is the owner's latest. An answer may have been read before a write
 * whose push overtook it: it fills in a name only until the first push of that name.
 */
export function createThreadReadStore(port: MessageChannelEnd): ReadStore & { settle(answer: ReadAnswer): void; learn(push: CheckpointPush): void; failAll(reason: string): void } {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; checkpoint?: string }>();
  const checkpoints = new Map<string, unknown>();
  const pushed = new Set<string>();
  let nextId = 0;
  let gone: string | undefined;

  const call = (method: ReadCall['method'], args: unknown[], collection?: string, checkpoint?: string): Promise<unknown> => {
    if (gone) return Promise.reject(new AppError('unavailable', `read store unavailable: ${gone}`, { retriable: true }));
    const id = (nextId += 1);
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, checkpoint });
      port.postMessage({ kind: 'read', id, collection, method, args } satisfies ReadCall);
    });
  };

  const collection = <T extends Document>(name: string): ReadCollection<T> => {
    const methods = Object.fromEntries(collectionMethods.map((method) => [method, (...args: unknown[]) => call(method, args, name)]));
    return methods as unknown as ReadCollection<T>;
  };

  const getCheckpoint = <T>(name: string): Promise<T | null> => {
    if (gone || !checkpoints.has(name)) return call('getCheckpoint', [name], undefined, name) as Promise<T | null>;
    // a copy, as an answer over the port would be
    return Promise.resolve(structuredClone(checkpoints.get(name)) as T | null);
  };

  return {
    collection: collection as ReadStore['collection'],
    listCollections: () => call('listCollections', []) as Promise<string[]>,
    getCheckpoint,
    // each from the pushes when heard of, else asked (as getCheckpoint does)
    async getCheckpoints(names) {
      const values = await Promise.all(names.map(async (name) => [name, await getCheckpoint(name)] as const));
      return new Map(values.filter(([, value]) => value !== null));
    },
    setCheckpoint: async (name, value) => void (await call('setCheckpoint', [name, value])),
    setCheckpoints: async (entries) => void (await call('setCheckpoints', [entries])),
    health: () => (gone ? Promise.resolve({ ok: false, detail: gone }) : (call('health', []) as Promise<{ ok: boolean; detail?: string }>)),
    // The owning thread closes the store; this side only stops asking.
    close: async () => undefined,
    settle(answer) {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if (!answer.error) {
        if (waiting.checkpoint !== undefined && !pushed.has(waiting.checkpoint)) checkpoints.set(waiting.checkpoint, answer.value);
        return waiting.resolve(answer.value);
      }
      const { message, code, retriable } = answer.error;
      waiting.reject(code ? new AppError(code, message, { retriable }) : new Error(message));
    },
    learn(push) {
      checkpoints.set(push.name, push.value);
      pushed.add(push.name);
    },
    failAll(reason) {
      gone = reason;
      checkpoints.clear();
      pushed.clear();
      for (const waiting of pending.values()) waiting.reject(new AppError('unavailable', `read store unavailable: ${reason}`, { retriable: true }));
      pending.clear();
    },
  };
}
