import { EventEmitter } from 'node:events';
import type { Database } from 'better-sqlite3';

/**
 * In-process wake-ups: every log opened on the same file in this process shares them, so
 * a consumer reacts at once to a produce or a group change here; other processes are
 * noticed by polling. A spurious wake-up costs one query, a missed one at most a poll interval.
 */
const emitter = new EventEmitter();
emitter.setMaxListeners(0);

const topicEvent = (db: Database, topic: string) => `${db.name}\u0000topic\u0000${topic}`;
const groupEvent = (db: Database, groupId: string) => `${db.name}\u0000group\u0000${groupId}`;

export const signalTopic = (db: Database, topic: string): void => {
  emitter.emit(topicEvent(db, topic));
};
export const signalGroup = (db: Database, groupId: string): void => {
  emitter.emit(groupEvent(db, groupId));
};

export const onTopic = (db: Database, topic: string, listener: () => void): (() => void) => {
  const event = topicEvent(db, topic);
  emitter.on(event, listener);
  return () => emitter.off(event, listener);
};
export const onGroup = (db: Database, groupId: string, listener: () => void): (() => void) => {
  const event = groupEvent(db, groupId);
  emitter.on(event, listener);
  return () => emitter.off(event, listener);
};

/** A sleep that a `wake()` cuts short. */
export function createWaiter() {
  let wakeCurrent: (() => void) | null = null;
  let pending = false;
  return {
    wait(ms: number): Promise<void> {
      if (pending) {
        pending = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => {
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          wakeCurrent = null;
          resolve();
        }
        wakeCurrent = done;
      });
    },
    wake(): void {
      if (wakeCurrent) wakeCurrent();
      else pending = true;
    },
  };
}
