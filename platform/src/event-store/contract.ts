/**
 * The event store port's contract suite (DESIGN §4.10): every adapter runs these
 * same tests. Each test uses fresh random stream ids and subscribes from
 * checkpoints, never from the start, so the suite can run against a shared,
 * long-lived EventStoreDB whose `$all` also holds other tests' and system events.
 *
 * Conventions it pins down:
 * - ConcurrencyError.actualRevision is 'no_stream' for a missing stream (never -1),
 *   else the stream's last revision as a string; expectedRevision is the string
 *   form of what the caller passed ('no_stream', 'stream_exists', '4').
 * - Repeating an append (same event ids, same expected revision) returns the
 *   first append's result and writes nothing, also after later appends.
 */
import { useStore } from './contract-helpers';
import type { StoreFactory } from './contract-helpers';
import { describeAppend } from './contract-append';
import { describeReads } from './contract-reads';
import { describeSubscription } from './contract-subscription';

export type { StoreFactory, StoreUnderTest } from './contract-helpers';

export function eventStoreContract(name: string, factory: StoreFactory): void {
  describe(`event store contract: ${name}`, () => {
    const store = useStore(factory);
    describeAppend(store);
    describeReads(store);
    describeSubscription(store);
  });
}
