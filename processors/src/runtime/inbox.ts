import { inboxTopicOf, UndecodableMessageError } from '@ecommerce/platform';
import type { ActorType, LogMessage, TopicSpec } from '@ecommerce/platform';

/** An actor type's inbox (named in the platform's topic map), keyed by actor key (DESIGN §5); only the router and the timers write it. */
export { inboxTopicOf };

export const inboxTopicSpec = (actorType: ActorType, partitions: number): TopicSpec => ({ topic: inboxTopicOf(actorType), partitions });

/** Inbox messages are JSON objects with a `type`. */
export const encodeInboxMessage = (message: { type: string } & Record<string, unknown>): Buffer => Buffer.from(JSON.stringify(message), 'utf8');

/** The JSON object of an inbox message; UndecodableMessageError on anything else (the actor's `decode` validates the rest). */
export function decodeInboxMessage(message: LogMessage): { type: string } & Record<string, unknown> {
  if (!message.value) throw new UndecodableMessageError(`inbox message ${message.topic}/${message.partition}@${message.offset} has no value`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(message.value.toString('utf8'));
  } catch (error) {
    throw new UndecodableMessageError(`inbox message is not JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || typeof (parsed as { type?: unknown }).type !== 'string') {
    throw new UndecodableMessageError('inbox message is not an object with a string type');
  }
  return parsed as { type: string } & Record<string, unknown>;
}
