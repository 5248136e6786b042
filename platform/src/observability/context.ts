import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What follows a request or a message through every log line it causes. */
export interface TraceContext {
  correlationId: string;
  causationId?: string;
}

const storage = new AsyncLocalStorage<TraceContext>();

export const runWithTrace = <T>(context: TraceContext, work: () => T): T => storage.run(context, work);
export const currentTrace = (): TraceContext | undefined => storage.getStore();
export const newCorrelationId = (): string => randomUUID();
