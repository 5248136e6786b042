import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import { BroadcastChannel } from 'node:worker_threads';
import type { Database } from 'better-sqlite3';

/**
 * Wake-ups: every embedded log or event store opened on the same file in this process shares
 * them, so a consumer or a subscription reacts at once to a produce, a group change or an append
 * made here, on any thread. Within a thread an emitter carries them; between the threads of the
 * process a `BroadcastChannel` named after the file's real path does, posted after the commit.
 * Other processes are noticed by polling. A spurious wake-up costs one query, a missed one at
 * most a poll interval.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

/** Threads that opened the file under other names (relative, a symlink) must still meet. */
const fileKeys = new WeakMap<Database, string>();
const fileKey = (db: Database): string => {
  let key = fileKeys.get(db);
  if (key === undefined) {
    key = db.memory ? `memory\u0000${db.name}` : realPath(db.name);
    fileKeys.set(db, key);
  }
  return key;
};
const realPath = (name: string): string => {
  try {
    return fs.realpathSync(name);
  } catch {
    return name;
  }
};

type Signal = readonly [kind: 'topic' | 'group' | 'appended', name: string];
const eventName = (key: string, [kind, name]: Signal) => `${key}\u0000${kind}\u0000${name}`;

interface FileChannel {
  channel: BroadcastChannel;
  holders: number;
  /**
   * Signals of this turn of the event loop, posted together after it: under load one message
   * carries the many commits of a turn, and the other threads' consumers wake once for them.
   */
  pending: Map<string, Signal>;
}
const channels = new Map<string, FileChannel>();

/**
 * Joins the file's channel for as long as the returned release is not called (a log holds it
 * while open). An in-memory database is private to its connection: nothing to broadcast.
 */
export function holdSignals(db: Database): () => void {
  if (db.memory) return () => undefined;
  const key = fileKey(db);
  let entry = channels.get(key);
  if (!entry) {
    const channel = new BroadcastChannel(`ecommerce-sqlite-signals\u0000${key}`);
    // Never what keeps a process or a thread alive: the consumers' timers decide that.
    channel.unref();
    channel.onmessage = (message) => {
      for (const signal of (message as { data: Signal[] }).data) emitter.emit(eventName(key, signal));
    };
    entry = { channel, holders: 0, pending: new Map() };
    channels.set(key, entry);
  }
  const held = entry;
  held.holders += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    held.holders -= 1;
    if (held.holders > 0) return;
    channels.delete(key);
    flush(held);
    held.channel.close();
  };
}

const flush = (entry: FileChannel) => {
  if (entry.pending.size === 0) return;
  const signals = [...entry.pending.values()];
  entry.pending.clear();
  entry.channel.postMessage(signals);
};

const signal = (db: Database, kind: Signal[0], name: string) => {
  const key = fileKey(db);
  const event = eventName(key, [kind, name]);
  emitter.emit(event);
  const entry = channels.get(key);
  if (!entry) return;
  if (entry.pending.size === 0) setImmediate(() => flush(entry));
  entry.pending.set(event, [kind, name]);
};

export const signalTopic = (db: Database, topic: string): void => signal(db, 'topic', topic);
export const signalGroup = (db: Database, groupId: string): void => signal(db, 'group', groupId);

const listen = (db: Database, kind: Signal[0], name: string, listener: () => void): (() => void) => {
  const event = eventName(fileKey(db), [kind, name]);
  emitter.on(event, listener);
  return () => emitter.off(event, listener);
};
export const onTopic = (db: Database, topic: string, listener: () => void): (() => void) => listen(db, 'topic', topic, listener);
export const onGroup = (db: Database, groupId: string, listener: () => void): (() => void) => listen(db, 'group', groupId, listener);
/** An event store's append, committed. */
export const signalAppended = (db: Database): void => signal(db, 'appended', 'events');
export const onAppended = (db: Database, listener: () => void): (() => void) => listen(db, 'appended', 'events', listener);

/** A sleep that a `wake()` cuts short. */
export function createWaiter() {
  let wakeCurrent: (() => void) | null = null;
  let pending = false;
  return {
    /** Resolves true when woken, false when `ms` ran out. */
    wait(ms: number): Promise<boolean> {
      if (pending) {
        pending = false;
        return Promise.resolve(true);
      }
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => done(false), ms);
        function done(woken: boolean) {
          clearTimeout(timer);
          wakeCurrent = null;
          resolve(woken);
        }
        wakeCurrent = () => done(true);
      });
    },
    wake(): void {
      if (wakeCurrent) wakeCurrent();
      else pending = true;
    },
  };
}
