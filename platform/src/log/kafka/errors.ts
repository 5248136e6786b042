/**
 * Recognising kafkajs errors. kafkajs wraps protocol errors (KafkaJSNonRetriableError,
 * KafkaJSNumberOfRetriesExceeded) and keeps the original in `cause`, so the whole chain is searched.
 */
interface ProtocolErrorShape {
  type?: unknown;
  code?: unknown;
  cause?: unknown;
}

const FENCING_TYPES = new Set(['INVALID_PRODUCER_EPOCH', 'PRODUCER_FENCED']);
// 47 INVALID_PRODUCER_EPOCH; 90 PRODUCER_FENCED (KIP-588), which kafkajs 2.2.4 does not know by name.
const FENCING_CODES = new Set([47, 90]);

function* causeChain(error: unknown): Generator<ProtocolErrorShape> {
  let current = error;
  for (let depth = 0; depth < 10 && typeof current === 'object' && current !== null; depth++) {
    yield current as ProtocolErrorShape;
    current = (current as ProtocolErrorShape).cause;
  }
}

const hasType = (error: unknown, types: ReadonlySet<string>): boolean =>
  [...causeChain(error)].some((entry) => typeof entry.type === 'string' && types.has(entry.type));

/** A newer producer with the same transactional id has taken over (its epoch is higher). */
export function isFencingError(error: unknown): boolean {
  return (
    hasType(error, FENCING_TYPES) ||
    [...causeChain(error)].some((entry) => typeof entry.code === 'number' && FENCING_CODES.has(entry.code))
  );
}

/** The coordinator is still finishing the previous transaction; the request can be retried shortly. */
export function isConcurrentTransactionsError(error: unknown): boolean {
  return hasType(error, new Set(['CONCURRENT_TRANSACTIONS']));
}

export function isUnknownTopicError(error: unknown): boolean {
  return hasType(error, new Set(['UNKNOWN_TOPIC_OR_PARTITION']));
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Exponential backoff with ±20 % jitter. */
export const backoffMs = (attempt: number, initialMs: number, maxMs: number): number =>
  Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1)) * (0.8 + Math.random() * 0.4);
