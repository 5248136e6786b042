/**
 * The one module that loads kafkajs (the lint forbids other imports and requires of it): what must change
 * in kafkajs before its producer loads is done first, by the import above its own.
 */
export { linearGroupingInstalled } from './linear-grouping';
export { AssignerProtocol, Kafka, Partitioners, logLevel } from 'kafkajs';
