/**
 * kafkajs groups a send's messages by partition with `[...current, message]` for every message:
 * a partition's array is copied once per message it gets, so a batch of n messages on a partition
 * costs n²/2 copies and as much garbage (the mirror's 2,000-event transactions: about 1 kB of
 * garbage a record, 9 % of its CPU besides the collector's share). This is the same grouping in
 * one pass: the partitioner is asked once per message, in order, and the result has the same shape.
 */
type Partitioner = (args: { topic: string; partitionMetadata: unknown[]; message: unknown }) => number;

interface GroupingArgs {
  topic: string;
  partitionMetadata: unknown[];
  messages: unknown[];
  partitioner: Partitioner;
}

export function groupMessagesPerPartition({ topic, partitionMetadata, messages, partitioner }: GroupingArgs): Record<number, unknown[]> {
  const result: Record<number, unknown[]> = {};
  if (partitionMetadata.length === 0) return result;
  for (const message of messages) {
    const partition = partitioner({ topic, partitionMetadata, message });
    const current = result[partition];
    if (current) current.push(message);
    else result[partition] = [message];
  }
  return result;
}

/* eslint-disable @typescript-eslint/no-require-imports -- internal modules of kafkajs, which has no types for them */
/**
 * kafkajs's `sendMessages` captures the grouping function when it loads, so it is replaced in the
 * module cache before then: this module is loaded by `./kafkajs`, the one module that loads
 * kafkajs itself. Once kafkajs's producer has loaded, it is too late, and kafkajs keeps its own.
 */
function installLinearGrouping(): boolean {
  const sendMessages = require.resolve('kafkajs/src/producer/sendMessages');
  if (require.cache[sendMessages]) return false;
  const grouping = require.resolve('kafkajs/src/producer/groupMessagesPerPartition');
  require(grouping);
  const module = require.cache[grouping];
  if (!module) return false;
  module.exports = groupMessagesPerPartition;
  return true;
}
/* eslint-enable @typescript-eslint/no-require-imports */

/** Whether kafkajs's producers in this process group with `groupMessagesPerPartition` above. */
export const linearGroupingInstalled = installLinearGrouping();

let warned = false;

/** A process that loaded kafkajs before `./kafkajs` keeps kafkajs's own grouping: said once, on stderr. */
export function warnUnlessLinearGrouping(): void {
  if (linearGroupingInstalled || warned) return;
  warned = true;
  process.emitWarning('kafkajs was loaded before platform/src/log/kafka/kafkajs.ts: its producers keep grouping messages by partition with a copy per message', { code: 'ECOMMERCE_KAFKAJS_LOAD_ORDER' });
}
