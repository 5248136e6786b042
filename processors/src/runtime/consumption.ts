/**
 * Partitions whose batches the router and an actor host handle at the same time (each
 * partition's in order, keys serial within it). One at a time, each hop of an order waited for
 * the other partitions' batches and transactions: at 20 orders/s on Kafka, placed→confirmed took
 * ≈1 s instead of ≈0.1 s. Their batches are short (SQLite appends, one transaction), so the
 * group session is never at risk.
 */
export const partitionsAtOnce = 8;
