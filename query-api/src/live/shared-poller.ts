/**
 * Watches read-model documents for live streams. The read store has no change notifications
 * (FerretDB has no change streams; the embedded store is another process's SQLite file in the
 * distributed topology), so documents are polled — but once per key, whatever the number of
 * listeners: every stream watching an order shares one read per tick, and a key nobody listens
 * to is not read at all.
 */
export interface SharedPollerOptions<T> {
  read: (key: string) => Promise<T>;
  intervalMs: number;
  /** Whether `next` is news to the listeners; by default every read is. */
  changed?: (previous: T, next: T) => boolean;
  onError?: (error: unknown, key: string) => void;
}

export type Unsubscribe = () => void;

export interface SharedPoller<T> {
  /** `listener` gets the last value read at once (when there is one), then every change. */
  subscribe(key: string, listener: (value: T) => void): Unsubscribe;
  /** Keys being polled now. */
  activeKeys(): number;
  close(): void;
}

interface Watch<T> {
  listeners: Set<(value: T) => void>;
  latest: { value: T } | undefined;
  timer: NodeJS.Timeout | undefined;
  stopped: boolean;
}

export function createSharedPoller<T>(options: SharedPollerOptions<T>): SharedPoller<T> {
  const changed = options.changed ?? (() => true);
  const watches = new Map<string, Watch<T>>();

  const deliver = (watch: Watch<T>, value: T) => {
    for (const listener of [...watch.listeners]) listener(value);
  };

  // The next read is scheduled when the previous one is done: a slow store is never read concurrently for one key.
  const tick = async (key: string, watch: Watch<T>) => {
    try {
      const value = await options.read(key);
      if (watch.stopped) return;
      if (!watch.latest || changed(watch.latest.value, value)) {
        watch.latest = { value };
        deliver(watch, value);
      }
    } catch (error) {
      options.onError?.(error, key);
    } finally {
      if (!watch.stopped) {
        watch.timer = setTimeout(() => void tick(key, watch), options.intervalMs);
        watch.timer.unref();
      }
    }
  };

  const stop = (key: string, watch: Watch<T>) => {
    watch.stopped = true;
    clearTimeout(watch.timer);
    if (watches.get(key) === watch) watches.delete(key);
  };

  return {
    subscribe(key, listener) {
      let watch = watches.get(key);
      if (!watch) {
        watch = { listeners: new Set(), latest: undefined, timer: undefined, stopped: false };
        watches.set(key, watch);
        void tick(key, watch);
      } else if (watch.latest) {
        listener(watch.latest.value);
      }
      const own = watch;
      own.listeners.add(listener);
      return () => {
        own.listeners.delete(listener);
        if (own.listeners.size === 0) stop(key, own);
      };
    },
    activeKeys: () => watches.size,
    close() {
      for (const [key, watch] of [...watches]) stop(key, watch);
    },
  };
}
