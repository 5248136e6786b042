/** The dead-letter record, list and replay live in the platform (projections and the mirror write them too); re-exported for the runtime's users. */
export { deadLetterRecord, describeDeadLetterSource, dlqHeaders, listDeadLetters, parseDeadLetterSource, replayDeadLetter } from '@ecommerce/platform';
export type { DeadLetter, DeadLetterSource } from '@ecommerce/platform';
