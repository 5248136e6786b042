/** The generic actor runtime: key queue, actor host, router, timer service and dead-letter tools. */
export { createKeyQueue } from './key-queue';
export type { KeyQueue } from './key-queue';
export type { ActorDecider, ActorDefinition, ActorEvent, AnyActorDefinition, MessageContext } from './actor';
export { createActorHost, messageIdHeader } from './actor-host';
export type { ActorHost, ActorHostOptions } from './actor-host';
export { snapshotEventType, snapshotStreamOf } from './actor-state';
export { createRouter } from './router';
export type { RoutedMessage, Router, RouterDelivery, RouterOptions } from './router';
export { createTimerService } from './timer-service';
export type { TimerService, TimerServiceOptions, TimerSpec } from './timer-service';
export type { TimerCheckpoint } from './timer-checkpoint';
export { deadLetterRecord, describeDeadLetterSource, dlqHeaders, listDeadLetters, parseDeadLetterSource, replayDeadLetter } from './dead-letters';
export type { DeadLetter, DeadLetterSource } from './dead-letters';
export { decodeInboxMessage, encodeInboxMessage, inboxTopicOf, inboxTopicSpec } from './inbox';
export { isRetriable, jitteredBackoffMs } from './retry';
